// Embeds that respect readers: each card is a plain link until the reader asks for the player.
// Nothing is fetched from the provider before the click; the page's CSP allows the provider's
// player origin on pages with such a card only (newsroom/views.py, allow_players).
"use strict";
(function () {
  function loadPlayer(card, button) {
    const frame = document.createElement("iframe");
    frame.src = card.dataset.player;
    frame.title = card.dataset.provider + ": " + card.querySelector("a").textContent;
    frame.loading = "lazy";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.className = "embed-player embed-player--" + (card.className.match(/embed--(\w+)/) || [])[1];
    button.parentElement.replaceWith(frame);
    frame.focus();
  }

  document.querySelectorAll("figure.embed[data-player]").forEach(function (card) {
    const offer = document.createElement("p");
    offer.className = "embed-offer";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "embed-load";
    // The words come in the page's language from the server (embeds.py, with_players).
    button.textContent = card.dataset.load || "Load the " + card.dataset.provider + " player";
    const note = document.createElement("span");
    note.textContent =
      " " + (card.dataset.note || "It comes from " + card.dataset.provider + ", which may set cookies.");
    offer.append(button, note);
    card.querySelector("a").after(offer);
    button.addEventListener("click", function () { loadPlayer(card, button); });
  });
})();
