// The staff web page's only script (the Content-Security-Policy forbids inline script).
// It adds conveniences; every page also works without it.
"use strict";

// The page's CSRF token, from the hidden field every form of a logged-in page carries.
function kioskCsrfToken() {
  const field = document.querySelector('input[name="csrf"]');
  return field ? field.value : "";
}

// POST for fetch() calls: sends the CSRF token as the X-CSRF-Token header the server checks.
function kioskPost(url, body) {
  return fetch(url, {
    method: "POST",
    body: body,
    credentials: "same-origin",
    headers: { "X-CSRF-Token": kioskCsrfToken() },
  });
}

document.addEventListener("DOMContentLoaded", () => {
  // <button data-confirm="Remove this slide?">: asks before submitting.
  document.querySelectorAll("[data-confirm]").forEach((el) => {
    el.addEventListener("click", (event) => {
      if (!window.confirm(el.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
});

// ==== Page-specific code (staff pages) below this line ====

// --- Staff pages (helper W2): live preview on the edit pages, live kiosk screen on the home page.

// The edit form (#slide-form with data-preview): as staff type, the kiosk's own renderer draws the
// slide (POST of the form, never saved) and the picture replaces the preview; a slide the kiosk would
// refuse shows its "line N: message" instead, before anyone presses Save.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("slide-form");
  const img = document.getElementById("preview");
  const status = document.getElementById("preview-status");
  if (!form || !img || !form.dataset.preview) return;
  let timer = null;
  let shown = null;
  let sequence = 0;
  const refresh = () => {
    const mine = ++sequence;
    const started = performance.now();
    status.textContent = "Drawing the preview…";
    status.classList.remove("field-error");
    kioskPost(form.dataset.preview, new FormData(form))
      .then((response) => {
        if (mine !== sequence) return null;
        if (response.ok) return response.blob().then((blob) => ({ blob }));
        return response.text().then((text) => ({ text }));
      })
      .then((result) => {
        if (!result || mine !== sequence) return;
        if (result.blob) {
          if (shown) URL.revokeObjectURL(shown);
          shown = URL.createObjectURL(result.blob);
          img.src = shown;
          img.classList.remove("stale");
          img.dataset.previewMs = String(Math.round(performance.now() - started));
          status.textContent = "This is how the waiting room will see it (not saved yet).";
        } else {
          img.classList.add("stale");
          status.classList.add("field-error");
          status.textContent = "The kiosk would not show this: " + result.text.trim();
        }
        form.dataset.previewDone = String(mine);
      })
      .catch(() => {
        status.textContent = "The preview could not be drawn (is the page still reachable?).";
      });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 350);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  // A refused save comes back with what was typed: preview that, not the saved version.
  if (form.dataset.typed) refresh();
});

// The kiosk's live screen (#live-screen): a fresh screenshot every 5 seconds while the page is visible.
document.addEventListener("DOMContentLoaded", () => {
  const screen = document.getElementById("live-screen");
  if (!screen) return;
  setInterval(() => {
    if (document.visibilityState === "visible") screen.src = "/screen.png?t=" + Date.now();
  }, 5000);
});

// <select data-autosubmit> (the slide list's "Place"): choosing a place moves the slide at once; the
// form's Move button is only shown without script.
document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.classList.add("js");
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
});
