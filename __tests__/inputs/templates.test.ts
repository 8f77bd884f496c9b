// src/inputs/templates.ts: placeholders in prompts and output names, expanded before anything is checked or sent.
import { describe, expect, it } from 'vitest'
import { expandRequestTexts } from '../../src/inputs/schedule-inputs'
import { expandTemplate, readVariables, type TemplateValues } from '../../src/inputs/templates'

const values: TemplateValues = {
  fixed: {
    date: '2026-12-07',
    weekday: 'Monday',
    week: '50',
    month: '12',
    year: '2026',
    run_number: { unknown: 'GITHUB_RUN_NUMBER is not set' },
    name: 'teaser',
  },
  vars: { product: 'Foxy', campaign: 'Winter' },
}

const expand = (text: string, keep?: string[]) => expandTemplate(text, values, "Input 'prompt'", keep ? { keep } : {})

describe('expandTemplate', () => {
  it('fills every placeholder and variable, and reads doubled braces as literal ones', () => {
    expect(expand('{vars.product} on {weekday} {date}, week {week} of {year}-{month}: {name}')).toEqual({
      ok: true,
      text: 'Foxy on Monday 2026-12-07, week 50 of 2026-12: teaser',
    })
    expect(expand('JSON like {{"a": 1}} and {{vars.product}} stay')).toEqual({
      ok: true,
      text: 'JSON like {"a": 1} and {vars.product} stay',
    })
    expect(expand('no placeholders <<<image_1>>> @Image1')).toEqual({ ok: true, text: 'no placeholders <<<image_1>>> @Image1' })
  })

  it('names the input and the placeholder of an unknown one, a missing variable or a value not known here', () => {
    expect(expand('a {dat} b')).toEqual({
      ok: false,
      problem: expect.stringMatching(/^Input 'prompt' uses the unknown placeholder \{dat\} \(known: \{date\}/),
    })
    expect(expand('{vars.colour}')).toEqual({
      ok: false,
      problem: "Input 'prompt' uses {vars.colour}, but 'variables' has no 'colour' (it has: product, campaign)",
    })
    expect(expand('take {run_number}')).toEqual({
      ok: false,
      problem: "Input 'prompt' uses {run_number}, which is not known here: GITHUB_RUN_NUMBER is not set",
    })
    // Inherited object keys are no variables.
    expect(expand('{vars.constructor}').ok).toBe(false)
  })

  it('refuses a lone brace, saying how to write a literal one', () => {
    expect(expand('a { b')).toEqual({ ok: false, problem: expect.stringContaining("has a lone '{' at character 3: write '{{'") })
    expect(expand('a } b')).toEqual({ ok: false, problem: expect.stringContaining("has a lone '}' at character 3: write '}}'") })
    expect(expand('{not a placeholder}').ok).toBe(false)
    expect(expand('{date').ok).toBe(false)
  })

  it('leaves the placeholders a later step fills in (output names keep {task-id} and {name})', () => {
    expect(expand('clips/{vars.campaign}/{date}-{name}-{task-id}.mp4', ['task-id', 'name'])).toEqual({
      ok: true,
      text: 'clips/Winter/2026-12-07-{name}-{task-id}.mp4',
    })
    expect(expand('{task-id}').ok).toBe(false)
  })
})

describe('readVariables', () => {
  it('takes a mapping of text (numbers and booleans as text) and names each bad part', () => {
    const problems: string[] = []
    expect(readVariables({ product: 'Foxy', year: 2027, launch: true }, "Input 'variables'", problems)).toEqual({
      product: 'Foxy',
      year: '2027',
      launch: 'true',
    })
    expect(problems).toEqual([])
    readVariables({ 'bad key': 'x', list: ['a'], nothing: null }, "Input 'variables'", problems)
    readVariables(['a'], "batch item 2 'variables'", problems)
    expect(problems).toEqual([
      `Input 'variables' has the name "bad key": use letters, digits, '_' and '-' (it is used as {vars.NAME})`,
      "Input 'variables' 'list' must be text (got a list)",
      "Input 'variables' 'nothing' must be text (got null)",
      "batch item 2 'variables' must be a mapping of names to text, e.g. { product: Foxy, campaign: Winter }",
    ])
  })
})

describe('expandRequestTexts', () => {
  it("expands prompt, negative-prompt and each multi-prompt segment's prompt, and nothing else", () => {
    const problems: string[] = []
    const raw = {
      prompt: 'A {vars.product} teaser',
      'negative-prompt': 'no {vars.campaign} logos',
      'multi-prompt': '- { prompt: "wide shot, {weekday}", duration: 2 }\n- { prompt: close up, duration: 3 }',
      parameters: '{ "note": "{vars.product}" }',
    }
    expect(expandRequestTexts(raw, values, (field) => `Input '${field}'`, problems)).toEqual({
      prompt: 'A Foxy teaser',
      'negative-prompt': 'no Winter logos',
      'multi-prompt': [
        { prompt: 'wide shot, Monday', duration: 2 },
        { prompt: 'close up', duration: 3 },
      ],
      parameters: '{ "note": "{vars.product}" }',
    })
    expect(problems).toEqual([])
    expandRequestTexts(
      { 'multi-prompt': [{ prompt: 'x {vars.nope}', duration: 5 }] },
      values,
      (field) => `batch item 3 '${field}'`,
      problems,
    )
    expect(problems).toEqual([
      "batch item 3 'multi-prompt' segment 1 'prompt' uses {vars.nope}, but 'variables' has no 'nope' (it has: product, campaign)",
    ])
  })
})

describe("a prompt's expansion stops at its model's cap", () => {
  const expand = (model: string | undefined, prompt: string) => {
    const problems: string[] = []
    const out = expandRequestTexts({ ...(model ? { model } : {}), prompt }, values, (field) => `Input '${field}'`, problems)
    return { out, problems }
  }

  it('takes the cap of the model asked for: a Sora prompt of 3,000 characters with a placeholder expands', () => {
    const { out, problems } = expand('sora-2', `${'x'.repeat(3_000)} {weekday}`)
    expect(problems).toEqual([])
    expect(out.prompt).toBe(`${'x'.repeat(3_000)} Monday`)
    expect(expand('sora-2', `${'x'.repeat(5_000)} {weekday}`).problems).toEqual([
      "Input 'prompt' expands to more than 5000 characters (FoxAPI's limit for a prompt is 5000); it was not expanded further",
    ])
  })

  it("holds the default model (kling-o3-ref) to Kling's 2500, and a model whose page states no cap to the action's bound", () => {
    expect(expand(undefined, `${'x'.repeat(2_600)} {weekday}`).problems).toEqual([
      "Input 'prompt' expands to more than 2500 characters (FoxAPI's limit for a prompt is 2500); it was not expanded further",
    ])
    expect(expand('veo-3.1-fast', `${'x'.repeat(10_000)} {weekday}`).problems).toEqual([])
    expect(expand('veo-3.1-fast', '{vars.product}'.repeat(20_000)).problems).toEqual([
      "Input 'prompt' expands to more than 65536 characters (the action expands a prompt to at most 65536 characters); it was not expanded further",
    ])
  })
})

describe('expandTemplate within a limit', () => {
  const limit = { maxChars: 20, why: 'the limit of the test' }
  const big = { ...values, vars: { ...values.vars, v: 'x'.repeat(100_000), blank: ' '.repeat(30), empty: '' } }
  const within = (text: string) => expandTemplate(text, big, "Input 'prompt'", { limit })

  it('stops as soon as the text passes the limit, naming the input and the limit', () => {
    expect(within('{vars.v}'.repeat(4_000))).toEqual({
      ok: false,
      problem: "Input 'prompt' expands to more than 20 characters (the limit of the test); it was not expanded further",
    })
    expect(within('{vars.product} {vars.campaign}')).toEqual({ ok: true, text: 'Foxy Winter' })
  })

  it('counts the text without the white space around it, as the request check does, but not without end', () => {
    expect(within(`{vars.blank}{vars.product}{vars.blank}`)).toEqual({ ok: true, text: `${' '.repeat(30)}Foxy${' '.repeat(30)}` })
    expect(within('{vars.blank}'.repeat(3))).toMatchObject({ ok: false })
    // Placeholders that add nothing never cost a check.
    expect(within(`${'{vars.empty}'.repeat(50_000)}Foxy`)).toEqual({ ok: true, text: 'Foxy' })
  })
})
