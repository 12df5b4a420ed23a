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

// Wide tables (docs/architecture.md, "Accessibility"). A .table-wrap whose table is wider than the
// screen becomes a scroll region the keyboard can reach (tabindex=0, arrow keys scroll it), named
// after its caption or the nearest heading, with a visible hint above it. A table that fits gets
// none of that: no needless tab stop, no hint. Re-checked whenever the box changes size (rotation).
(() => {
  const wraps = document.querySelectorAll(".table-wrap, figure.bars");
  if (!wraps.length) return;
  const hintText = document.body.dataset.tableHint || "";
  const nameOf = (wrap) => {
    const caption = wrap.querySelector("caption, figcaption");
    if (caption && caption.matches("caption") && caption.textContent.trim()) return caption.textContent.trim();
    const before = wrap.previousElementSibling;
    if (before && /^H[2-4]$/.test(before.tagName) && before.textContent.trim()) return before.textContent.trim();
    // The heading of the card or section the table is in, else the page's heading.
    for (let box = wrap.parentElement; box; box = box.parentElement) {
      const heading = box.querySelector(":scope > h2, :scope > h3, :scope > header h2");
      if (heading && heading.textContent.trim()) return heading.textContent.trim();
      if (box.tagName === "MAIN") break;
    }
    const h1 = document.querySelector("h1");
    return h1 ? h1.textContent.trim() : "";
  };
  let counter = 0;
  for (const wrap of wraps) {
    const fixed = wrap.hasAttribute("tabindex");  // set in the template: always a region
    const hint = document.createElement("p");
    hint.className = "table-hint";
    hint.id = `table-hint-${++counter}`;
    hint.textContent = hintText;
    hint.hidden = true;
    wrap.before(hint);
    // A name only while it is a region: aria-label on a plain div is not allowed.
    const name = wrap.hasAttribute("aria-label") || wrap.hasAttribute("aria-labelledby") ? null : nameOf(wrap);
    const update = () => {
      const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      hint.hidden = !scrolls;
      wrap.classList.toggle("scrolls", scrolls);
      if (scrolls || fixed) {
        wrap.setAttribute("role", "region");
        wrap.tabIndex = 0;
        wrap.setAttribute("aria-describedby", hint.id);
        if (name) wrap.setAttribute("aria-label", name);
      } else {
        if (name) wrap.removeAttribute("aria-label");
        wrap.removeAttribute("role");
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("aria-describedby");
      }
    };
    update();
    if ("ResizeObserver" in window) new ResizeObserver(update).observe(wrap);
    else window.addEventListener("resize", update);
  }
})();
