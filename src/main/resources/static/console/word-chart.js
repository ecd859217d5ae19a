// A horizontal bar chart of the most frequent words, drawn by ECharts (the WebJar, loaded on first use).
// ECharts draws on a canvas: the words never become markup, and its own aria module describes the chart
// (words and counts) in the container's accessible name. No tooltip: ECharts builds tooltips with innerHTML.

const ECHARTS = '/webjars/echarts/dist/echarts.esm.min.js';
const BAR_HEIGHT_PX = 24;
const CHROME_PX = 40;

let chart;
let echartsModule;
let drawing = 0; // a draw that a later draw or a clear overtook while ECharts loaded does nothing

/** Draws words [{word, count}] into the container, replacing what was drawn before. */
export async function drawWordChart(container, words) {
  clearWordChart();
  const thisDrawing = drawing;
  echartsModule ??= await import(ECHARTS);
  if (thisDrawing !== drawing) return;
  container.style.height = `${Math.max(120, words.length * BAR_HEIGHT_PX + CHROME_PX)}px`;
  chart = echartsModule.init(container, null, { renderer: 'canvas' });
  chart.setOption(optionFor(words));
}

export function clearWordChart() {
  drawing++;
  chart?.dispose();
  chart = undefined;
}

window.addEventListener('resize', () => chart?.resize());

function optionFor(words) {
  return {
    animation: false,
    aria: {
      enabled: true,
      label: {
        general: { withoutTitle: 'A bar chart of the most frequent words and their counts.' },
        data: { maxCount: words.length, allData: 'The words are: ', separator: { middle: ', ', end: '.' } },
      },
    },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: words.map(entry => entry.word),
      axisTick: { show: false },
      axisLabel: { interval: 0, width: 110, overflow: 'truncate', color: '#1d2733' },
    },
    series: [{
      type: 'bar',
      name: 'count',
      data: words.map(entry => entry.count),
      barMaxWidth: 18,
      itemStyle: { color: '#2f6690' },
      label: { show: true, position: 'right', color: '#1d2733' },
    }],
  };
}
