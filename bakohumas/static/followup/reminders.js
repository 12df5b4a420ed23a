// Log a WhatsApp reminder when its wa.me link is clicked; the link itself opens WhatsApp as usual.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-log-url]");
  if (!link) return;
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  var body = new URLSearchParams({ nomor: link.dataset.number });
  fetch(link.dataset.logUrl, {
    method: "POST", body: body, credentials: "same-origin", keepalive: true,
    headers: { "X-CSRFToken": token ? token.value : "" },
  }).then(function (response) {
    if (response.ok) link.classList.add("logged");
  });
});
