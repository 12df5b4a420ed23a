// Resumable upload of large files (docs/media.md, "Resumable upload"). Without this script the
// form posts every file at once, which works too; with it, files larger than one chunk are sent in
// chunks with Content-Range, and after a dropped connection the script asks the server how much it
// has and goes on from there. Small files still go through the ordinary form in one request.
"use strict";
(function () {
  const form = document.querySelector("form.media-upload[data-resumable-url]");
  if (!form || !window.fetch || !window.FormData) return;
  const chunkSize = parseInt(form.dataset.chunkSize, 10) || 4 * 1024 * 1024;
  const list = form.querySelector(".upload-progress");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function line(text) {
    const item = document.createElement("li");
    item.textContent = text;
    list.hidden = false;
    list.appendChild(item);
    return item;
  }

  async function json(response) {
    try { return await response.json(); } catch (e) { return {}; }
  }

  async function askReceived(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) throw new Error("status " + response.status);
    return (await json(response)).received || 0;
  }

  async function sendResumable(file) {
    const item = line(file.name + ": 0%");
    const body = new FormData();
    body.append("filename", file.name);
    body.append("size", String(file.size));
    const started = await fetch(form.dataset.resumableUrl, {
      method: "POST", body, credentials: "same-origin", headers: { "X-CSRFToken": csrf, Accept: "application/json" },
    });
    const session = await json(started);
    if (!started.ok) { item.textContent = session.error || file.name + ": gagal"; return; }
    let offset = 0;
    let failures = 0;
    let finishing = 0;
    const size = session.chunk_size || chunkSize;
    const headers = { "X-CSRFToken": csrf, Accept: "application/json" };
    for (;;) {
      try {
        let response;
        if (offset >= file.size) {
          // Every byte arrived but the server could not keep the file (503 "retry"): it still has
          // the bytes, so ask it to finish again instead of sending them all once more.
          response = await fetch(session.url, { method: "POST", credentials: "same-origin", headers });
        } else {
          const end = Math.min(offset + size, file.size);
          response = await fetch(session.url, {
            method: "PUT", body: file.slice(offset, end), credentials: "same-origin",
            headers: { ...headers, "Content-Range": `bytes ${offset}-${end - 1}/${file.size}`,
                       "Content-Type": "application/octet-stream" },
          });
        }
        const state = await json(response);
        if (response.status === 409) { offset = state.received || 0; continue; }
        if (state.done) { item.textContent = state.message || state.error || file.name; return; }
        if (state.retry) {
          finishing += 1;
          item.textContent = state.error || file.name + ": gagal";
          if (finishing > 3) return;
          offset = file.size;
          await sleep(5000 * finishing);
          continue;
        }
        if (!response.ok) {
          if (response.status >= 500) throw new Error("server " + response.status);
          item.textContent = state.error || file.name + ": gagal";
          return;
        }
        offset = state.received;
        failures = 0;
        item.textContent = `${file.name}: ${Math.floor((100 * offset) / file.size)}%`;
      } catch (error) {
        // The connection dropped: wait a little longer each time, ask what arrived, resume.
        failures += 1;
        if (failures > 30) { item.textContent = `${file.name}: sambungan terputus; coba unggah lagi nanti.`; return; }
        item.textContent = `${file.name}: sambungan terputus, mencoba lagi…`;
        await sleep(Math.min(30000, 1000 * 2 ** Math.min(failures, 5)));
        try { offset = await askReceived(session.url); } catch (e) { /* still offline: try again */ }
      }
    }
  }

  form.addEventListener("submit", async (event) => {
    const inputs = Array.from(form.querySelectorAll("input[type=file]"));
    const files = inputs.flatMap((input) => Array.from(input.files || []));
    const large = files.filter((file) => file.size > chunkSize);
    if (!large.length) return; // the ordinary form does it all
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    for (const file of large) await sendResumable(file);
    const small = files.filter((file) => file.size <= chunkSize);
    if (small.length) {
      const body = new FormData();
      body.append("csrfmiddlewaretoken", csrf);
      for (const file of small) body.append("berkas", file, file.name);
      line(`${small.length} berkas kecil dikirim…`);
      // Messages about each file are kept by the server and shown on the page we go to next.
      await fetch(form.action, { method: "POST", body, credentials: "same-origin", redirect: "manual" });
    }
    window.location.assign(window.location.pathname);
  });
})();
