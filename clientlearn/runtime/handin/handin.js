// The hand-in widget's view (anywidget): the participant's name, a warning where the
// browser may not keep the site's storage, and the button that saves the notebook and
// downloads the zip the kernel makes. Every text comes from the kernel (uk/en tables).

let counter = 0;

// JupyterLab's own "save" shortcut (Accel+S), sent to the notebook the widget is in:
// a widget has no other way to reach the application's commands.
function saveNotebook(el) {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  const event = new KeyboardEvent("keydown", {
    key: "s",
    code: "KeyS",
    ctrlKey: !mac,
    metaKey: mac,
    bubbles: true,
    cancelable: true,
  });
  for (const key of ["keyCode", "which"]) Object.defineProperty(event, key, { get: () => 83 });
  (el.closest(".jp-Notebook") ?? document.body).dispatchEvent(event);
}

function download(filename, buffer) {
  const blob = new Blob([buffer], { type: "application/zip" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function storageKept() {
  if (!navigator.storage || !navigator.storage.persisted) return false;
  if (await navigator.storage.persisted()) return true;
  try {
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

function render({ model, el }) {
  const t = model.get("texts");
  const id = `clientlearn-handin-${++counter}`;
  const root = document.createElement("section");
  root.className = "clientlearn-handin";
  root.setAttribute("aria-labelledby", `${id}-title`);

  const title = document.createElement("h3");
  title.id = `${id}-title`;
  title.textContent = t.title;

  const warning = document.createElement("p");
  warning.className = "clientlearn-handin-warning";
  warning.setAttribute("role", "alert");
  warning.hidden = true;

  const label = document.createElement("label");
  label.htmlFor = `${id}-name`;
  label.textContent = t.name_label;
  const input = document.createElement("input");
  input.id = `${id}-name`;
  input.type = "text";
  input.autocomplete = "name";
  input.value = model.get("name");
  const nameStatus = document.createElement("p");
  nameStatus.className = "clientlearn-handin-name";
  nameStatus.setAttribute("aria-live", "polite");

  const explain = document.createElement("p");
  explain.id = `${id}-explain`;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = t.button;
  button.setAttribute("aria-describedby", explain.id);
  const status = document.createElement("p");
  status.className = "clientlearn-handin-status";
  status.setAttribute("aria-live", "polite");

  root.append(title, warning, label, input, nameStatus, explain, button, status);
  el.append(root);

  const drawName = () => {
    const name = model.get("name");
    if (input !== document.activeElement) input.value = name;
    nameStatus.textContent = name ? t.name_saved.replace("{name}", name) : "";
    explain.textContent = t.explain.replace("{file}", model.get("filename"));
  };
  const drawStatus = () => {
    status.textContent = model.get("status");
  };
  const commit = () => {
    const name = input.value.trim();
    if (name !== model.get("name")) {
      model.set("name", name);
      model.save_changes();
    }
  };
  input.addEventListener("change", commit);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") commit();
  });
  button.addEventListener("click", () => {
    commit();
    if (!model.get("name")) {
      status.textContent = t.name_missing;
      input.focus();
      return;
    }
    saveNotebook(el);
    // Give the save a moment to reach the storage the kernel reads.
    setTimeout(() => model.send({ type: "handin" }), 1500);
  });
  const onMessage = (message, buffers) => {
    if (message && message.type === "download" && buffers && buffers.length) {
      download(message.filename, buffers[0]);
    }
  };
  model.on("msg:custom", onMessage);
  model.on("change:name", drawName);
  model.on("change:filename", drawName);
  model.on("change:status", drawStatus);
  drawName();
  drawStatus();

  if (model.get("in_browser")) {
    storageKept().then((kept) => {
      warning.hidden = kept;
      warning.textContent = kept ? "" : t.storage_warning;
      model.set("storage_kept", kept);
      model.save_changes();
    });
  }

  return () => {
    model.off("msg:custom", onMessage);
    model.off("change:name", drawName);
    model.off("change:filename", drawName);
    model.off("change:status", drawStatus);
  };
}

export default { render };
