// Small progressive enhancements; every page works without them.
document.addEventListener("click", (event) => {
  // "Pakai" next to a suggested value copies it into its field.
  const button = event.target.closest("button[data-fill]");
  if (!button) return;
  const field = document.getElementById(button.dataset.fill);
  if (field) {
    field.value = button.dataset.value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.focus();
  }
});
