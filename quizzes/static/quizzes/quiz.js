/* Quiz autosave and countdown. The form works without this file: every button posts the page
   and the server saves it. With it, each change is saved at once (one question per request),
   a failed save is retried, and the page is submitted when the server's time runs out. */
(function () {
  "use strict";
  var form = document.querySelector("form.quiz-form");
  if (!form || !window.fetch || !window.FormData) return;
  var saveUrl = form.getAttribute("data-save-url");
  var saveToken = form.getAttribute("data-save-token");  // lets a save skip the session read
  var resultUrl = form.getAttribute("data-result-url");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var msg = function (name) { return form.getAttribute("data-msg-" + name) || ""; };
  var pending = {};   // question id -> true while a save is wanted
  var timers = {};
  var busy = {};

  function statusOf(fieldset) { return fieldset.querySelector(".save-status"); }

  function show(fieldset, text, isError) {
    var el = statusOf(fieldset);
    if (!el) return;
    el.textContent = text;
    el.classList.toggle("error", !!isError);
  }

  function payload(fieldset) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrf);
    if (saveToken) data.append("save_token", saveToken);
    fieldset.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (!el.name || el.disabled) return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      data.append(el.name, el.value);
    });
    return data;
  }

  function save(fieldset, attempt) {
    var id = fieldset.getAttribute("data-aq");
    if (busy[id]) { pending[id] = true; return; }
    busy[id] = true;
    pending[id] = false;
    show(fieldset, msg("saving"));
    fetch(saveUrl, {
      method: "POST", body: payload(fieldset), credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (result) {
      busy[id] = false;
      if (result.body.ok) {
        show(fieldset, msg("saved") + " " + result.body.saved_at);
        if (pending[id]) save(fieldset, 0);
        return;
      }
      show(fieldset, result.body.message || msg("retry"), true);
      if (result.body.closed && result.body.redirect) window.location.assign(result.body.redirect);
    }).catch(function () {
      busy[id] = false;
      show(fieldset, msg("retry"), true);
      var wait = Math.min(30000, 2000 * Math.pow(2, attempt || 0));
      setTimeout(function () { save(fieldset, (attempt || 0) + 1); }, wait);
    });
  }

  function schedule(fieldset, delay) {
    var id = fieldset.getAttribute("data-aq");
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { save(fieldset, 0); }, delay);
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-aq]");
    if (fieldset) schedule(fieldset, 0);
  });
  form.addEventListener("input", function (event) {
    if (event.target.type !== "text") return;
    var fieldset = event.target.closest("fieldset[data-aq]");
    if (fieldset) schedule(fieldset, 800);
  });
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (button && button.getAttribute("data-confirm") && !form.dataset.timeUp) {
      if (!window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
    }
  });

  var timer = document.querySelector(".timer[data-seconds-left]");
  if (timer) {
    var end = Date.now() + parseInt(timer.getAttribute("data-seconds-left"), 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      timer.textContent = msg("left").replace("%s", m + ":" + (s < 10 ? "0" : "") + s);
      timer.classList.toggle("low", left <= 60);
      if (left === 0) {
        timer.textContent = msg("timeup");
        form.dataset.timeUp = "1";
        var submit = form.querySelector("button[value=submit]");
        if (submit) { form.requestSubmit ? form.requestSubmit(submit) : submit.click(); }
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
