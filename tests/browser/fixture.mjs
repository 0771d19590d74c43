// A hand-made analysis over a text full of non-ASCII characters (£ ’ — and a 4-byte emoji) and
// hostile markup, in the engine's JSON shape. The page draws it through the same code as an
// engine result (window.foiAnalyser.show), which checks the UTF-8 span mapping and that text
// from the input never becomes markup, independently of what the engine extracts.
export function fixture() {
  const text = [
    'From: FOI Team <foi@example.gov.uk>',
    'Dear Requester,',
    'Q1. What did the café’s contract cost? 🚀',
    'Answer: £1,200 — paid in 2023.',
    'Q2. Who supplied it? <script>window.__pwned = "script"</script>',
    'Answer: Not held. <img src=x onerror="window.__pwned = \'img\'">',
    'Q3. =HYPERLINK("http://evil.example") how many?',
    'Answer: Approximately 70% (“roughly”).',
    '',
  ].join('\n');
  const span = (s) => {
    const i = text.indexOf(s);
    if (i < 0) throw new Error(`fixture lacks ${s}`);
    return { start: Buffer.byteLength(text.slice(0, i)), end: Buffer.byteLength(text.slice(0, i + s.length)) };
  };
  const q = (id, status, question, answer, extra = {}) => ({
    id, key: id.toLowerCase().replace(/^q/, ''), parent: null, header: false, text: question,
    span: span(`${id}. ${question}`), answer: answer ? { text: answer, span: span(answer) } : null,
    status, exemptions: [], values: [], refers_to: null, ...extra,
  });
  const analysis = {
    schema_version: '1.0.0',
    tool: { name: 'foi-analyser', version: '0.1.0' },
    source: { name: 'fixture.txt', format: 'text', encoding: 'utf-8', bytes: Buffer.byteLength(text), text_bytes: Buffer.byteLength(text) },
    thread: {
      title: 'Contracts <b>bold</b>', authority: 'Example Council', requester: 'A. Person', references: ['FOI/2025/1'],
      law: 'FOIA', received: '2025-01-02', responded: '2025-01-30',
      due: { value: '2025-01-30', stated: null, computed: '2025-01-30', working_days: 20, holidays: 'UK' },
      late: false, working_days_taken: 19, outcome: 'partially_successful', outcome_basis: 'inferred',
      exemptions: [{ law: 'FOIA', section: '43(2)' }], messages: [],
    },
    questions: [
      q('Q1', 'answered', 'What did the café’s contract cost? 🚀', '£1,200 — paid in 2023.', {
        values: [{ kind: 'money', value: 1200, unit: 'GBP', qualifier: null, text: '£1,200', span: span('£1,200') }],
      }),
      q('Q2', 'not_held', 'Who supplied it? <script>window.__pwned = "script"</script>',
        'Not held. <img src=x onerror="window.__pwned = \'img\'">'),
      q('Q3', 'partial', '=HYPERLINK("http://evil.example") how many?', 'Approximately 70% (“roughly”).', {
        exemptions: [{ law: 'FOIA', section: '43(2)' }],
        values: [{ kind: 'percent', value: 70, unit: null, qualifier: 'approx', text: 'Approximately 70%', span: span('Approximately 70%') }],
      }),
    ],
    diagnostics: [{ level: 'warning', code: 'fixture', message: 'A note <i>with markup</i> about the greeting.', span: span('Dear Requester') }],
  };
  const json = `${JSON.stringify(analysis, null, 2)}\n`;
  return { name: 'fixture.txt', text, analysis, json, csv: '\ufeffsource\r\n' };
}
