/* Parent side of the H5P players on a module page (blocks from content/h5p/blocks.py). Each
   player runs in <iframe sandbox="allow-scripts"> from the H5P origin and can only talk to this
   page by postMessage. Messages are taken only from our own frames' windows; results are sent
   to our server (same origin, CSRF token), which alone decides what counts as progress.
   The frame is written by the server inside an inert <template>; "Mở hoạt động" moves it into
   the page, so the player costs nothing until the learner opens it.
   Included once per H5P block; the guard below makes repeated includes harmless. */
(function () {
  "use strict";
  if (window.atsH5PPlayer) { return; }
  window.atsH5PPlayer = true;

  var REPORTED_VERBS = ["answered", "completed", "passed", "failed", "attempted"];
  // A learner's answer; "attempted" (sent as the activity starts) is not one.
  var ANSWER_VERBS = ["answered", "completed", "passed", "failed"];
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 10000;

  function csrfToken(container) {
    var section = container.closest("section") || document;
    var input = section.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) { return input.value; }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function setStatus(container, text) {
    var status = container.parentNode.querySelector(".h5p-status");
    if (status) { status.textContent = text; }
  }

  function verbName(statement) {
    var id = statement && statement.verb && statement.verb.id;
    return typeof id === "string" ? id.split("/").pop() : "";
  }

  function send(container, statement) {
    var url = container.getAttribute("data-xapi-url");
    if (!url || REPORTED_VERBS.indexOf(verbName(statement)) === -1) { return; }
    // Only the statement of the activity itself; sub-content (inside a course presentation)
    // reports through its parent's statement.
    var ext = statement.object && statement.object.definition && statement.object.definition.extensions;
    if (ext && ext["http://h5p.org/x-api/h5p-subContentId"]) { return; }
    var isAnswer = ANSWER_VERBS.indexOf(verbName(statement)) !== -1;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": csrfToken(container),
        "X-H5P-Attempt": container.getAttribute("data-attempt") || ""
      },
      body: JSON.stringify(statement)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!isAnswer) { return; }
        if (!response.ok || !data || data.recorded !== true) {
          setStatus(container, (data && typeof data.error === "string" && data.error) ||
            container.getAttribute("data-error-message"));
        } else if (data.module_completed === true) {
          setStatus(container, container.getAttribute("data-completed-message"));
          markModuleDone(container);
        } else {
          setStatus(container, container.getAttribute("data-saved-message"));
        }
      });
    }).catch(function () {
      if (isAnswer) { setStatus(container, container.getAttribute("data-error-message")); }
    });
  }

  // The server said the module is complete: the lesson's badge says so without a reload.
  function markModuleDone(container) {
    var badges = document.querySelectorAll("[data-module-badge]");
    for (var i = 0; i < badges.length; i++) {
      badges[i].textContent = container.getAttribute("data-completed-label");
      badges[i].classList.add("done");
    }
  }

  function openActivity(container, trigger) {
    var template = container.querySelector("template.h5p-frame-template");
    if (!template || container.querySelector("iframe")) { return; }
    var frame = template.content.querySelector("iframe").cloneNode(true);
    setStatus(container, container.getAttribute("data-loading-message"));
    frame.addEventListener("load", function () {
      if (container.parentNode.querySelector(".h5p-status").textContent ===
          container.getAttribute("data-loading-message")) { setStatus(container, ""); }
      frame.focus();
    });
    container.insertBefore(frame, template);
    if (trigger) { trigger.parentNode.removeChild(trigger); }
  }

  function enhance(container) {
    var link = container.querySelector("a[data-h5p-open]");
    if (!link) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "h5p-open-button";
    button.textContent = link.textContent;
    var holder = link.parentNode;
    holder.replaceChild(button, link);
    button.addEventListener("click", function () { openActivity(container, holder); });
  }

  function playerOf(source) {
    var containers = document.querySelectorAll("[data-h5p-player]");
    for (var i = 0; i < containers.length; i++) {
      var frame = containers[i].querySelector("iframe");
      if (frame && source && frame.contentWindow === source) { return containers[i]; }
    }
    return null;
  }

  var players = document.querySelectorAll("[data-h5p-player]");
  for (var p = 0; p < players.length; p++) { enhance(players[p]); }

  window.addEventListener("message", function (event) {
    var container = playerOf(event.source);
    if (!container) { return; }
    // The sandbox gives the frame an opaque origin ("null"); the frame origin itself is
    // accepted too, in case a browser reports it.
    if (event.origin !== "null" && event.origin !== container.getAttribute("data-frame-origin")) { return; }
    var data = event.data;
    if (!data || typeof data !== "object") { return; }
    if (data.type === "ats-h5p-resize" && typeof data.height === "number" && isFinite(data.height)) {
      var height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.round(data.height)));
      container.querySelector("iframe").style.height = height + "px";
    } else if (data.type === "ats-h5p-xapi" && data.statement && typeof data.statement === "object") {
      send(container, data.statement);
    } else if (data.type === "ats-h5p-error") {
      setStatus(container, container.getAttribute("data-load-error-message"));
    }
  });
})();
