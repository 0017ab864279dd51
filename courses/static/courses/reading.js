/* Reading heartbeat for a "viewed" lesson: while the tab is visible, tell the server every
   data-every seconds that the lesson is still open. The server counts only the time it measured
   itself since the previous beat (capped), so this script can add nothing by itself. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-beat]");
  if (!form || !window.fetch) return;
  var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var every = (parseInt(form.getAttribute("data-every"), 10) || 30) * 1000;
  var timer = null;
  function stop() { clearInterval(timer); timer = null; }
  function beat() {
    fetch(form.getAttribute("data-beat"), {
      method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": token }
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (!data) { stop(); return; }
      if (data.completed) {
        stop();
        form.querySelector(".reading-status").textContent = form.getAttribute("data-done");
        form.querySelector("button").remove();
      }
    }).catch(function () {});
  }
  function start() {
    if (!timer && document.visibilityState === "visible") timer = setInterval(beat, every);
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") start(); else stop();
  });
  start();
})();
