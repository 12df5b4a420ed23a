// Small progressive enhancements; every page works without them.

// A background job's page polls its status until the file is ready, then offers the download.
(() => {
  const box = document.querySelector("[data-job-status]");
  if (!box) return;
  const bar = box.querySelector("progress");
  const download = box.querySelector("[data-job-download]");
  const waiting = box.querySelector(".job-waiting");
  const started = Date.now();
  let delay = 1000;
  // Poll less often as time passes, and give up after an hour (the job is then marked failed).
  const again = () => {
    if (Date.now() - started > 3600 * 1000) return;
    setTimeout(poll, delay);
    delay = Math.min(delay * 1.25, 10000);
  };
  const poll = async () => {
    let state;
    try {
      const response = await fetch(box.dataset.jobStatus, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(response.statusText);
      state = await response.json();
    } catch {
      again(); // a weak connection: try again a little later
      return;
    }
    bar.value = state.progress;
    for (const field of box.querySelectorAll("[data-job-field]")) field.textContent = state[field.dataset.jobField] || "";
    if (waiting) waiting.hidden = state.status !== "queued";
    if (state.download_url) {
      download.href = state.download_url;
      download.textContent = state.download_label;
      download.hidden = false;
    }
    if (state.finished) {
      if (state.status === "failed") window.location.reload();
      return;
    }
    again();
  };
  if (!box.querySelector("[data-job-download]:not([hidden])")) setTimeout(poll, 500);
})();
