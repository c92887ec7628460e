// Replies in place: "Reply" moves the comment form under the comment instead of loading the page
// again. Without JavaScript the same links load the page with the form in that place.
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  if (!respond) return;
  var form = respond.querySelector("form");
  var parentInput = form.querySelector("input[name=parent]");
  var heading = document.getElementById("respond-heading");
  var cancel = respond.querySelector(".comment-cancel");
  var sendButton = form.querySelector("button[type=submit]");
  var section = document.getElementById("comments");
  // Where the form lives when it is not a reply, to take it back there on "Cancel reply".
  var home = document.createElement("div");
  home.hidden = true;
  if (respond.closest("article.comment")) {
    section.appendChild(home);
  } else {
    respond.parentNode.insertBefore(home, respond);
  }

  function replyTo(link) {
    link.closest("article.comment").appendChild(respond);
    parentInput.value = link.dataset.replyTo;
    heading.textContent = "Reply to " + link.dataset.replyName;
    sendButton.textContent = "Send reply";
    cancel.hidden = false;
    form.querySelector("textarea").focus();
  }

  function cancelReply() {
    parentInput.value = "";
    heading.textContent = "Leave a comment";
    sendButton.textContent = "Send comment";
    cancel.hidden = true;
    home.parentNode.insertBefore(respond, home);
    form.querySelector("textarea").focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.comment-reply-link");
    if (link && section.contains(link)) {
      event.preventDefault();
      replyTo(link);
      return;
    }
    if (event.target.closest("a[data-cancel-reply]")) {
      event.preventDefault();
      cancelReply();
    }
  });
})();
