// The baseline: the least a Worker can do in the same runtime and harness as the panel.
export default {
  fetch() {
    return new Response("hello");
  },
};
