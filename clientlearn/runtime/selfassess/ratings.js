// A statement's rating: native radios in a radiogroup named by the statement. Each
// radio stays a Tab stop (as ipywidgets' radios are, and as the course's keyboard
// tests expect); the arrow keys also move to the next or previous point and choose it.

function render({ model, el }) {
  const group = document.createElement("div");
  group.className = "clientlearn-rating";
  group.setAttribute("role", "radiogroup");
  const inputs = [];

  const build = () => {
    group.textContent = "";
    inputs.length = 0;
    group.setAttribute("aria-label", model.get("statement"));
    for (const [label, value] of model.get("options")) {
      const wrap = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.value = String(value);
      input.addEventListener("change", () => {
        if (input.checked) {
          model.set("value", value);
          model.save_changes();
        }
      });
      input.addEventListener("keydown", (event) => {
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
        if (!step) return;
        event.preventDefault();
        event.stopPropagation(); // not JupyterLab's cell navigation
        const next = inputs[(inputs.indexOf(input) + step + inputs.length) % inputs.length];
        next.focus();
        next.click();
      });
      wrap.append(input, document.createTextNode(` ${label}`));
      group.append(wrap);
      inputs.push(input);
    }
    draw();
  };
  const draw = () => {
    const value = model.get("value");
    for (const input of inputs) {
      input.checked = value !== null && input.value === String(value);
      input.disabled = model.get("disabled");
    }
  };

  model.on("change:options", build);
  model.on("change:statement", build);
  model.on("change:value", draw);
  model.on("change:disabled", draw);
  build();
  el.append(group);
  return () => {
    model.off("change:options", build);
    model.off("change:statement", build);
    model.off("change:value", draw);
    model.off("change:disabled", draw);
  };
}

export default { render };
