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
