/* Parent side of the H5P players on a module page (blocks from content/h5p/blocks.py). Each
   player runs in <iframe sandbox="allow-scripts"> from the H5P origin and can only talk to this
   page by postMessage. Messages are taken only from our own frames' windows; results are sent
   to our server (same origin, CSRF token), which alone decides what counts as progress.
   Included once per H5P block; the guard below makes repeated includes harmless. */
(function () {
  "use strict";
  if (window.atsH5PPlayer) { return; }
  window.atsH5PPlayer = true;

  var REPORTED_VERBS = ["answered", "completed", "passed", "failed", "attempted"];
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
      setStatus(container, container.getAttribute(response.ok ? "data-saved-message" : "data-error-message"));
    }).catch(function () {
      setStatus(container, container.getAttribute("data-error-message"));
    });
  }

  function playerOf(source) {
    var containers = document.querySelectorAll("[data-h5p-player]");
    for (var i = 0; i < containers.length; i++) {
      var frame = containers[i].querySelector("iframe");
      if (frame && source && frame.contentWindow === source) { return containers[i]; }
    }
    return null;
  }

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
