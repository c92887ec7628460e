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
  // The form's words, in the page's language (comments/form.html), English without them.
  var words = {
    replyHeading: respond.dataset.replyHeading || "Reply to {name}",
    heading: respond.dataset.heading || "Leave a comment",
    sendReply: respond.dataset.sendReply || "Send reply",
    send: respond.dataset.send || "Send comment",
  };
  // Where the form lives when it is not a reply, to take it back there on "Cancel reply".
  var home = document.createElement("div");
  home.hidden = true;
  if (respond.closest("article.comment")) {
    section.appendChild(home);
  } else {
    respond.parentNode.insertBefore(home, respond);
  }

  // "Reply to {name}" with the name in a <bdi>, as the page writes it: a name in another
  // script does not reorder the words around it.
  function replyHeading(name) {
    var at = words.replyHeading.indexOf("{name}");
    var bdi = document.createElement("bdi");
    bdi.textContent = name;
    if (at < 0) {
      heading.textContent = words.replyHeading + " ";
      heading.appendChild(bdi);
      return;
    }
    heading.textContent = "";
    heading.append(
      words.replyHeading.slice(0, at), bdi, words.replyHeading.slice(at + "{name}".length)
    );
  }

  function replyTo(link) {
    link.closest("article.comment").appendChild(respond);
    parentInput.value = link.dataset.replyTo;
    replyHeading(link.dataset.replyName);
    sendButton.textContent = words.sendReply;
    cancel.hidden = false;
    form.querySelector("textarea").focus();
  }

  function cancelReply() {
    parentInput.value = "";
    heading.textContent = words.heading;
    sendButton.textContent = words.send;
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
