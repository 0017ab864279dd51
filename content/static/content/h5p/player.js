/* Starts every H5P player on the page (blocks from content/h5p/blocks.py) and sends the
   player's xAPI statements to our server, which alone decides what counts as progress.
   Included once per H5P block; the guard below makes repeated includes harmless. */
(function () {
  "use strict";
  if (window.atsH5PPlayer) { return; }
  window.atsH5PPlayer = true;

  var REPORTED_VERBS = ["answered", "completed", "passed", "failed", "attempted"];

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      if (window.H5PStandalone) { resolve(); return; }
      var script = document.createElement("script");
      script.src = src;
      script.charset = "UTF-8";
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("h5p-standalone")); };
      document.head.appendChild(script);
    });
  }

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
    return id ? id.split("/").pop() : "";
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

  function listen(container, index) {
    var iframe = container.querySelector("iframe");
    if (iframe) {
      iframe.setAttribute("title", container.getAttribute("data-title") || "H5P");
    }
    var frameH5P = iframe && iframe.contentWindow && iframe.contentWindow.H5P;
    var dispatcher = (frameH5P && frameH5P.externalDispatcher) ||
      (window.H5P && window.H5P.externalDispatcher);
    if (!dispatcher) { return; }
    dispatcher.on("xAPI", function (event) {
      var statement = event && event.data && event.data.statement;
      if (!statement) { return; }
      if (!frameH5P) {
        // One dispatcher shared by all players: route by the content id we gave each one.
        var ext = (statement.object && statement.object.definition &&
          statement.object.definition.extensions) || {};
        var cid = ext["http://h5p.org/x-api/h5p-local-content-id"];
        if (cid !== undefined && String(cid) !== "ats-h5p-" + index) { return; }
      }
      send(container, statement);
    });
  }

  function start() {
    var containers = Array.prototype.slice.call(document.querySelectorAll("[data-h5p-player]"));
    if (!containers.length) { return; }
    loadScript(containers[0].getAttribute("data-main-js")).then(function () {
      // Players must start one after another (h5p-standalone's advice for several per page).
      return containers.reduce(function (previous, container, index) {
        return previous.then(function () {
          var options = {
            id: "ats-h5p-" + index,
            h5pJsonPath: container.getAttribute("data-h5p-json-path"),
            frameJs: container.getAttribute("data-frame-js"),
            frameCss: container.getAttribute("data-frame-css"),
            frame: false,
            copyright: false,
            export: false,
            icon: false,
            fullScreen: false
          };
          return new window.H5PStandalone.H5P(container, options).then(function () {
            listen(container, index);
          });
        });
      }, Promise.resolve());
    }).catch(function () {
      containers.forEach(function (container) {
        setStatus(container, container.getAttribute("data-error-message"));
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
