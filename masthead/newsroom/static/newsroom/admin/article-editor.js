/* The story editor's helpers, as progressive enhancement (the form works without them):
   - live word count and reading time under the body;
   - a preview of the body as readers will see it (rendered and sanitized by the server);
   - a warning before leaving the page with unsaved changes. */
(function () {
  "use strict";

  var WORDS_PER_MINUTE = 230; // the same figure as masthead/text.py
  var WORD = /[\p{L}\p{N}_]+(?:['’\-][\p{L}\p{N}_]+)*/gu;

  function countWords(source) {
    // Close to the server's count: drop link targets, HTML tags and Markdown punctuation.
    var text = source
      .replace(/\]\([^)]*\)/g, "]")
      .replace(/<[^>]*>/g, " ")
      .replace(/[#>*_`~|]/g, " ");
    var matches = text.match(WORD);
    return matches ? matches.length : 0;
  }

  function minutesFor(words) {
    return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
  }

  function statsText(words, minutes) {
    return words + (words === 1 ? " word" : " words") + " · " + minutes + " min read";
  }

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setUpBody(form) {
    var body = form.querySelector("textarea.story-body-input");
    if (!body) return;
    var format = form.querySelector("#id_body_format");

    var tools = document.createElement("div");
    tools.className = "editor-tools";
    var stats = document.createElement("p");
    stats.className = "editor-stats";
    stats.setAttribute("role", "status");
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "button editor-preview-toggle";
    toggle.textContent = "Show preview";
    toggle.setAttribute("aria-expanded", "false");
    tools.appendChild(stats);
    tools.appendChild(toggle);

    var pane = document.createElement("div");
    pane.className = "editor-preview story-preview";
    pane.id = "body-preview";
    pane.hidden = true;
    pane.setAttribute("aria-live", "polite");
    toggle.setAttribute("aria-controls", pane.id);
    // Below the field and its help text, not squeezed beside the text box.
    var row = body.closest(".flex-container") || body;
    var anchor = row.nextElementSibling && row.nextElementSibling.classList.contains("help")
      ? row.nextElementSibling
      : row;
    anchor.insertAdjacentElement("afterend", pane);
    anchor.insertAdjacentElement("afterend", tools);

    var timer = null;
    var request = 0;

    function updateStats() {
      var words = countWords(body.value);
      stats.textContent = statsText(words, minutesFor(words));
    }

    function refreshPreview() {
      if (pane.hidden) return;
      var mine = ++request;
      var data = new FormData();
      data.append("body", body.value);
      data.append("body_format", format ? format.value : "markdown");
      fetch(body.dataset.previewUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form) },
      })
        .then(function (response) {
          if (!response.ok) throw new Error("preview failed: " + response.status);
          return response.json();
        })
        .then(function (result) {
          if (mine !== request) return; // an older answer arriving late
          // The server rendered and sanitized this HTML (masthead.text.render_markdown).
          pane.innerHTML = result.html || "<p><em>Nothing to preview yet.</em></p>";
          stats.textContent = statsText(result.words, result.minutes);
        })
        .catch(function () {
          pane.textContent = "The preview could not be loaded; your text is safe in the form.";
        });
    }

    body.addEventListener("input", function () {
      updateStats();
      clearTimeout(timer);
      timer = setTimeout(refreshPreview, 600);
    });
    if (format) format.addEventListener("change", refreshPreview);
    toggle.addEventListener("click", function () {
      pane.hidden = !pane.hidden;
      toggle.textContent = pane.hidden ? "Show preview" : "Hide preview";
      toggle.setAttribute("aria-expanded", pane.hidden ? "false" : "true");
      refreshPreview();
    });
    updateStats();
  }

  function guardUnsavedChanges(form) {
    var dirty = false;
    function mark() {
      dirty = true;
    }
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", function () {
      dirty = false;
    });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers need it to show their "leave page?" dialog
    });
  }

  // The slug the admin makes from the headline is cut at a word, to a readable address.
  var SLUG_WORDS_UP_TO = 60;
  function trimSlug(slug) {
    if (slug.length <= SLUG_WORDS_UP_TO) return slug;
    var cut = slug.slice(0, SLUG_WORDS_UP_TO + 1);
    var end = cut.lastIndexOf("-");
    return (end > 20 ? cut.slice(0, end) : cut.slice(0, SLUG_WORDS_UP_TO)).replace(/-+$/, "");
  }

  function setUpSlug(form) {
    var headline = form.querySelector("#id_headline");
    var slug = form.querySelector("#id_slug");
    if (!headline || !slug) return;
    function afterAdmin() {
      // Django's prepopulate writes the slug on the same events; trim after it has.
      window.setTimeout(function () {
        var typed = window.django && window.django.jQuery(slug).data("_changed");
        if (!typed) slug.value = trimSlug(slug.value);
      }, 0);
    }
    ["input", "keyup", "change", "focus"].forEach(function (name) {
      headline.addEventListener(name, afterAdmin);
    });
  }

  function init() {
    var form = document.getElementById("article_form");
    if (!form) return;
    setUpBody(form);
    setUpSlug(form);
    guardUnsavedChanges(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
