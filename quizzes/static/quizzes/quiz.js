/* Quiz autosave, answered counter, countdown and the summary's confirmation. The pages work
   without this file: every button posts the page and the server saves it; submitting happens
   only from the summary page. With it, each change is saved at once (one question per request),
   a failed save is retried, the "Đã trả lời x/n câu" counter follows the saves, the summary's
   "Nộp bài" asks once more (stating the unanswered count), and the attempt is submitted when
   the server's time runs out. The countdown is not a live region; a hidden one announces only
   "Còn 5 phút" and "Còn 1 phút". */
(function () {
  "use strict";
  var bar = document.querySelector(".quiz-bar");
  var barMsg = function (name) { return (bar && bar.getAttribute("data-msg-" + name)) || ""; };

  // The summary's submit: one confirmation naming what is still unanswered.
  var summary = document.querySelector("form.quiz-submit");
  if (summary) {
    summary.addEventListener("submit", function (event) {
      var button = summary.querySelector("button[data-confirm]");
      if (button && !summary.dataset.timeUp && !window.confirm(button.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  }

  startTimer();

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
        countAnswered(result.body.answered || {});
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
  function countAnswered(answered) {
    var counter = document.querySelector(".answered-count[data-answered]");
    if (!counter) return;
    var n = parseInt(counter.getAttribute("data-answered"), 10) || 0;
    Object.keys(answered).forEach(function (id) {
      var fieldset = form.querySelector('fieldset[data-aq="' + id + '"]');
      if (!fieldset) return;
      var was = fieldset.getAttribute("data-answered") === "1";
      if (was !== !!answered[id]) n += answered[id] ? 1 : -1;
      fieldset.setAttribute("data-answered", answered[id] ? "1" : "0");
    });
    counter.setAttribute("data-answered", String(n));
    counter.textContent = counter.getAttribute("data-msg")
      .replace("%(answered)s", n).replace("%(total)s", counter.getAttribute("data-total"));
  }
})();

function startTimer() {
  "use strict";
  var timer = document.querySelector(".timer[data-seconds-left]");
  var bar = document.querySelector(".quiz-bar");
  if (!timer || !bar) return;
  var msg = function (name) { return bar.getAttribute("data-msg-" + name) || ""; };
  var alertRegion = document.getElementById("timer-alert");
  var announced = {};
  var end = Date.now() + parseInt(timer.getAttribute("data-seconds-left"), 10) * 1000;
  var announce = function (left) {
    // Once each, and only when crossing the mark (a page opened with 3 minutes left says nothing
    // about 5 minutes).
    [[300, "five"], [60, "one"]].forEach(function (mark) {
      if (left <= mark[0] && left > mark[0] - 5 && !announced[mark[1]] && alertRegion) {
        announced[mark[1]] = true;
        alertRegion.textContent = msg(mark[1]);
      }
    });
  };
  var timeUp = function () {
    // The server accepts a submit without the summary's confirmation only once its deadline
    // has passed; early by a second, it just saves and shows the summary.
    var form = document.querySelector("form.quiz-form");
    var summary = document.querySelector("form.quiz-submit");
    if (form) {
      form.dataset.timeUp = "1";
      form.setAttribute("action", form.getAttribute("data-submit-url"));
      form.submit();
    } else if (summary) {
      // Without the summary's confirmation the server records the closure as the deadline's.
      var confirmed = summary.querySelector("input[name=da_xem_lai]");
      if (confirmed) confirmed.parentNode.removeChild(confirmed);
      summary.dataset.timeUp = "1";
      summary.submit();
    }
  };
  var tick = function () {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    var m = Math.floor(left / 60), s = left % 60;
    timer.textContent = msg("left").replace("%s", m + ":" + (s < 10 ? "0" : "") + s);
    timer.classList.toggle("low", left <= 60);
    announce(left);
    if (left === 0) {
      timer.textContent = msg("timeup");
      timeUp();
      return;
    }
    setTimeout(tick, 1000);
  };
  tick();
}
