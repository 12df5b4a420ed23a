// Live article checklist next to the output form (progressive enhancement: without JavaScript the
// checklist is shown after saving). The draft fields are posted to the check endpoint, debounced,
// and the returned HTML fragment (rendered by the server, so no text here to translate) replaces
// the checklist. An older answer never overwrites a newer one.
(() => {
  const form = document.querySelector("form.output-edit-form[data-check-url]");
  const target = document.querySelector("[data-checklist]");
  if (!form || !target) return;
  const box = target.closest(".article-checklist");
  const DELAY_MS = 400;
  let timer = null;
  let sequence = 0;

  const value = (name) => {
    const field = form.elements.namedItem(name);
    return field && "value" in field ? field.value : "";
  };

  const check = () => {
    const mine = ++sequence;
    const body = new URLSearchParams({
      kind: value("kind"), title: value("title"), lead: value("lead"), body: value("body"), photo: value("photo"),
    });
    if (box) box.classList.add("is-checking");
    fetch(form.dataset.checkUrl, {
      method: "POST", body, credentials: "same-origin",
      headers: { "X-CSRFToken": value("csrfmiddlewaretoken"), Accept: "application/json" },
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => {
        if (data && typeof data.html === "string" && mine === sequence) target.innerHTML = data.html;
      })
      .catch(() => {})
      .finally(() => { if (box && mine === sequence) box.classList.remove("is-checking"); });
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, DELAY_MS);
  };

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  check();
})();
