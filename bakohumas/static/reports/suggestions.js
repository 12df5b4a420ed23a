// Suggestions on the report entry page (progressive enhancement; the page works without it):
// "Pakai" copies a suggested value into its field, and the reason field is shown only while the
// answer differs from the suggestion. Labels come from the page, so this file has no text to translate.
(() => {
  const form = document.querySelector("form.report-form");
  if (!form) return;

  const inputs = (code) => Array.from(form.querySelectorAll(`[name="${CSS.escape(code)}"]`));

  const current = (code) => {
    const fields = inputs(code);
    if (fields.length && fields[0].type === "radio") {
      const checked = fields.find((field) => field.checked);
      return checked ? checked.value : "";
    }
    return fields.length ? fields[0].value.trim() : "";
  };

  const refresh = (box) => {
    const code = box.dataset.suggestion;
    const value = current(code);
    const same = value !== "" && value === box.dataset.value;
    const different = value !== "" && !same;
    box.querySelector('[data-state="same"]').hidden = !same;
    box.querySelector('[data-state="different"]').hidden = !different;
    const reason = form.querySelector(`[data-reason-box="${CSS.escape(code)}"]`);
    if (reason) reason.hidden = !different;
  };

  const boxes = Array.from(form.querySelectorAll("[data-suggestion]"));
  boxes.forEach((box) => {
    const button = box.querySelector("[data-use-suggestion]");
    button.hidden = false;
    button.addEventListener("click", () => {
      const value = box.dataset.value;
      const fields = inputs(box.dataset.suggestion);
      fields.forEach((field) => {
        if (field.type === "radio") field.checked = field.value === value;
        else field.value = value;
      });
      if (fields.length) {
        fields[0].dispatchEvent(new Event("change", { bubbles: true }));
        (fields.find((field) => field.checked) || fields[0]).focus();
      }
      refresh(box);
    });
    inputs(box.dataset.suggestion).forEach((field) => {
      field.addEventListener("input", () => refresh(box));
      field.addEventListener("change", () => refresh(box));
    });
    refresh(box);
  });
})();
