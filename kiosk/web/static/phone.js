// The phone page works without this file. With it, each answer is saved as it changes
// (at most 300 ms after the last keystroke), and a chosen photo is sent at once.
(function () {
  "use strict";
  var DELAY = 300;
  document.documentElement.classList.add("js");

  function answerKey(form) {
    var data = new FormData(form);
    return ["answer", "year", "month", "day"].map(function (name) {
      return data.getAll(name).join("\u0000");
    }).join("\u0001");
  }

  function autosave(form) {
    var url = form.getAttribute("data-autosave");
    var status = form.querySelector(".save-status");
    var was = form.querySelector("input[name=was]");
    var timer = null;
    var inflight = null;
    var lastSent = answerKey(form);
    var submitting = false;

    function say(key) {
      if (status) status.textContent = form.getAttribute("data-" + key) || "";
    }

    function send() {
      timer = null;
      var key = answerKey(form);
      if (key === lastSent) return inflight;
      lastSent = key;
      say("saving");
      var request = fetch(url, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      }).then(function (data) {
        if (!data.saved) throw new Error("not saved");
        if (was && typeof data.was === "string") was.value = data.was;
        say("saved");
      }).catch(function () {
        lastSent = null; // try again on the next change, or with the page's own post
        say("failed");
      });
      inflight = request;
      request.then(function () { if (inflight === request) inflight = null; });
      return request;
    }

    function changed(at_once) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(send, at_once ? 0 : DELAY);
    }

    form.addEventListener("input", function (event) {
      var target = event.target;
      changed(target.type === "radio" || target.tagName === "SELECT");
    });
    form.addEventListener("change", function () { changed(true); });

    form.addEventListener("submit", function (event) {
      if (submitting) return;
      if (timer) { clearTimeout(timer); timer = null; }
      // The post carries the answer itself; a save still on its way must land before it.
      if (inflight) {
        event.preventDefault();
        var submitter = event.submitter;
        inflight.then(function () {
          submitting = true;
          if (form.requestSubmit) {
            form.requestSubmit(submitter || undefined);
          } else {
            if (submitter && submitter.name) {
              var hidden = document.createElement("input");
              hidden.type = "hidden";
              hidden.name = submitter.name;
              hidden.value = submitter.value;
              form.appendChild(hidden);
            }
            form.submit();
          }
        });
      }
    });

    // Leaving the page (home button, another app) before the pause is over: send it anyway.
    window.addEventListener("pagehide", function () {
      if (timer && navigator.sendBeacon && answerKey(form) !== lastSent) {
        clearTimeout(timer);
        timer = null;
        lastSent = answerKey(form);
        navigator.sendBeacon(url, new FormData(form));
      }
    });
  }

  // A photo over the server's limit (big camera sensors make them) is made smaller here
  // first, so the visitor never has to; the server still checks and cleans whatever comes.
  function shrink(file, longest) {
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, longest / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve, reject) {
        canvas.toBlob(function (blob) { blob ? resolve(blob) : reject(new Error("no blob")); },
                      "image/jpeg", 0.9);
      });
    });
  }

  function sendPhotoWhenChosen(form) {
    var input = form.querySelector("input[type=file]");
    var status = document.querySelector(".upload-status");
    var limit = parseInt(form.getAttribute("data-max-bytes") || "0", 10);
    if (!input) return;
    input.addEventListener("change", function () {
      if (!input.files || !input.files.length) return;
      if (status) status.textContent = form.getAttribute("data-uploading") || "";
      var file = input.files[0];
      if (!limit || file.size <= limit || !window.createImageBitmap || !window.fetch) {
        form.submit();
        return;
      }
      shrink(file, 2400).then(function (blob) {
        var body = new FormData(form);
        body.set(input.name, blob, "photo.jpg");
        return fetch(form.action, { method: "POST", body: body, credentials: "same-origin" });
      }).then(function (response) {
        if (response.ok && response.redirected) {
          window.location.assign(response.url);
        } else {
          form.submit(); // let the server's own page say what is wrong
        }
      }).catch(function () { form.submit(); });
    });
  }

  function ready() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), autosave);
    Array.prototype.forEach.call(document.querySelectorAll("form.upload"), sendPhotoWhenChosen);
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
