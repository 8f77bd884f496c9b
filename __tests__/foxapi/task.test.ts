// The task reply as the action reads it: a model that makes no video answers an id (a voice, a character) in
// either result shape FoxAPI has used, and an id that is not a plain word (markup, a newline, a path) is dropped.
import { describe, expect, it } from 'vitest'
import { assetOf, hasResult, taskSchema, videoUrlOf } from '../../src/foxapi/task'

const task = (extra: Record<string, unknown>) => taskSchema.parse({ id: 'task-unified-1757165031-uyujaw3d', status: 'completed', ...extra })

describe('a task that makes no video', () => {
  it('has its id in results[] or in the older output{}', () => {
    expect(assetOf(task({ results: [{ voice_id: 'voice-123' }] }))).toEqual({ field: 'voice_id', id: 'voice-123' })
    expect(assetOf(task({ output: { character_id: 'char_9', name: 'Foxy' } }))).toEqual({
      field: 'character_id',
      id: 'char_9',
      name: 'Foxy',
    })
    expect(hasResult(task({ results: [{ voice_id: 'voice-123' }] }))).toBe(true)
    expect(videoUrlOf(task({ results: [{ voice_id: 'voice-123' }] }))).toBeUndefined()
  })

  it('is not one when it has a clip URL, or nothing', () => {
    expect(assetOf(task({ results: [{ url: 'https://cdn.example.com/a.mp4' }] }))).toBeUndefined()
    expect(hasResult(task({ results: [{ url: 'https://cdn.example.com/a.mp4' }] }))).toBe(true)
    expect(hasResult(task({ results: [] }))).toBe(false)
    expect(hasResult(task({ results: [{ seed: 3 }] }))).toBe(false)
  })

  it('drops an id that is not a plain word (it goes to an output and into a later request)', () => {
    for (const hostile of ['<b>x</b>', 'voice\n::set-output', '../../etc', '', 'x'.repeat(201)]) {
      expect(assetOf(task({ results: [{ voice_id: hostile }] })), JSON.stringify(hostile)).toBeUndefined()
    }
  })
})
