// The exercise timer's view (anywidget). The countdown runs here, in the browser, so the
// kernel is never busy; the model is synced only on start, pause, reset and the end.

const LABELS = {
  uk: {
    start: "Почати",
    resume: "Продовжити",
    pause: "Пауза",
    reset: "Скинути",
    timer: "Таймер",
    started: "Таймер запущено: залишилося {time}.",
    paused: "Таймер на паузі: залишилося {time}.",
    ready: "Таймер готовий: {time}.",
    oneMinute: "Залишилася одна хвилина.",
    finished: "Час вийшов.",
  },
  en: {
    start: "Start",
    resume: "Resume",
    pause: "Pause",
    reset: "Reset",
    timer: "Timer",
    started: "Timer started: {time} left.",
    paused: "Timer paused: {time} left.",
    ready: "Timer ready: {time}.",
    oneMinute: "One minute left.",
    finished: "Time is up.",
  },
};

// mm:ss rounded up, as countdowns show it: 0.2 s left still reads 00:01.
function format(seconds) {
  const whole = Math.max(0, Math.ceil(seconds));
  const mm = String(Math.floor(whole / 60)).padStart(2, "0");
  const ss = String(whole % 60).padStart(2, "0");
  return `${mm}:${ss}`;
}

function secondsLeft(model) {
  if (model.get("state") === "running") {
    return Math.max(0, (model.get("ends_at") - Date.now()) / 1000);
  }
  return model.get("remaining");
}

function button(text, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

function render({ model, el }) {
  const t = LABELS[model.get("lang")] ?? LABELS.uk;
  const root = document.createElement("section");
  root.className = "clientlearn-timer";
  const title = model.get("label") || t.timer;
  root.setAttribute("aria-label", title);

  const heading = document.createElement("div");
  heading.className = "clientlearn-timer-label";
  heading.textContent = title;

  // role=timer is not announced on every tick; the separate live region speaks only
  // on changes that matter (start, pause, one minute left, the end).
  const clock = document.createElement("div");
  clock.className = "clientlearn-timer-clock";
  clock.setAttribute("role", "timer");
  const live = document.createElement("div");
  live.className = "clientlearn-timer-live";
  live.setAttribute("aria-live", "polite");

  const set = (changes) => {
    for (const [key, value] of Object.entries(changes)) model.set(key, value);
    model.save_changes();
  };
  const start = button(t.start, () => {
    if (["ready", "paused"].includes(model.get("state"))) {
      set({ ends_at: Date.now() + model.get("remaining") * 1000, state: "running" });
    }
  });
  const pause = button(t.pause, () => {
    if (model.get("state") === "running") {
      set({ remaining: secondsLeft(model), ends_at: 0, state: "paused" });
    }
  });
  const reset = button(t.reset, () => {
    set({ remaining: model.get("duration"), ends_at: 0, state: "ready" });
  });
  const buttons = document.createElement("div");
  buttons.className = "clientlearn-timer-buttons";
  buttons.append(start, pause, reset);
  root.append(heading, clock, buttons, live);
  el.append(root);

  let ticker = null;
  let warned = false;
  const announce = (text) => {
    live.textContent = text.replace("{time}", clock.textContent);
  };

  const draw = () => {
    clock.textContent = format(secondsLeft(model));
  };

  const tick = () => {
    draw();
    if (model.get("state") !== "running") return;
    const left = secondsLeft(model);
    if (!warned && left <= 60 && model.get("duration") > 120) {
      warned = true;
      announce(t.oneMinute);
    }
    if (left <= 0) set({ remaining: 0, ends_at: 0, state: "finished" });
  };

  const update = () => {
    const state = model.get("state");
    start.textContent = state === "paused" ? t.resume : t.start;
    start.disabled = !["ready", "paused"].includes(state);
    pause.disabled = state !== "running";
    root.classList.toggle("finished", state === "finished");
    clearInterval(ticker);
    ticker = state === "running" ? setInterval(tick, 250) : null;
    if (state !== "running") warned = secondsLeft(model) <= 60;
    tick();
    announce(t[state === "running" ? "started" : state]);
  };

  model.on("change:state", update);
  model.on("change:remaining", draw);
  update();
  live.textContent = ""; // nothing to announce when the view first appears

  return () => {
    clearInterval(ticker);
    model.off("change:state", update);
    model.off("change:remaining", draw);
  };
}

export default { render };
