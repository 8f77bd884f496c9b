// src/inputs/calendar.ts: which batch entries are due, the day in a time zone, ISO weeks and budget periods.
import { describe, expect, it } from 'vitest'
import {
  calendarDay,
  isCronShape,
  isDue,
  isTimeZone,
  parseDay,
  periodOf,
  readEntryCalendar,
  rotationIndex,
} from '../../src/inputs/calendar'

const day = (text: string) => parseDay(text) ?? expect.fail(`${text} is a date`)

describe('days', () => {
  it('takes the day in the given time zone', () => {
    const moment = new Date('2026-12-31T23:30:00Z')
    expect(calendarDay(moment, 'UTC')).toMatchObject({ date: '2026-12-31', weekday: 'Thursday', month: '12', year: '2026' })
    expect(calendarDay(moment, 'Europe/Berlin')).toMatchObject({ date: '2027-01-01', weekday: 'Friday', month: '01', year: '2027' })
    expect(calendarDay(moment, 'America/Los_Angeles').date).toBe('2026-12-31')
  })

  it('numbers ISO weeks, with the week-year at the turn of a year', () => {
    expect(day('2026-12-07')).toMatchObject({ week: '50', weekYear: '2026' })
    expect(day('2021-01-01')).toMatchObject({ week: '53', weekYear: '2020', year: '2021' })
    expect(day('2024-12-30')).toMatchObject({ week: '01', weekYear: '2025', year: '2024' })
    expect(day('2026-01-01')).toMatchObject({ week: '01', weekYear: '2026', weekday: 'Thursday' })
  })

  it('reads only real dates written YYYY-MM-DD', () => {
    expect(parseDay('2026-02-29')).toBeUndefined()
    expect(parseDay('2028-02-29')?.date).toBe('2028-02-29')
    expect(parseDay('2026-1-5')).toBeUndefined()
    expect(parseDay('2026-13-01')).toBeUndefined()
  })

  it('knows IANA time zones and nothing else', () => {
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Europe/Berlin')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })

  it('names the period a day is in', () => {
    const d = day('2026-12-02')
    expect([periodOf('day', d), periodOf('week', d), periodOf('month', d)]).toEqual(['day-2026-12-02', 'week-2026-W49', 'month-2026-12'])
  })
})

describe('entry calendars', () => {
  const today = day('2026-12-07')
  const monday = { event: 'schedule', cron: '0 6 * * 1' }

  it('runs an entry on its own cron only, and every entry on other events', () => {
    expect(isDue({ schedule: ['0 6 * * 1'] }, monday, today)).toEqual({ due: true })
    expect(isDue({ schedule: ['0 6 * * 5', '0 9 * * 1'] }, monday, today)).toEqual({
      due: false,
      reason: "schedule '0 6 * * 5', '0 9 * * 1'; this run was triggered by '0 6 * * 1'",
    })
    expect(isDue({}, monday, today)).toEqual({ due: true })
    expect(isDue({ schedule: ['0 6 * * 5'] }, { event: 'workflow_dispatch' }, today)).toEqual({ due: true })
  })

  it('keeps an entry to its from/until window, both days included, on every event', () => {
    expect(isDue({ from: '2026-12-07', until: '2026-12-07' }, { event: 'push' }, today)).toEqual({ due: true })
    expect(isDue({ from: '2026-12-08' }, { event: 'push' }, today)).toEqual({ due: false, reason: 'from 2026-12-08; today is 2026-12-07' })
    expect(isDue({ until: '2026-12-06' }, monday, today)).toEqual({ due: false, reason: 'until 2026-12-06; today is 2026-12-07' })
  })

  it('checks the fields, naming the entry and the field', () => {
    const problems: string[] = []
    expect(
      readEntryCalendar({ schedule: '0 6 * * 1', from: '2026-12-01', until: new Date('2026-12-31T00:00:00Z') }, 'batch item 1', problems),
    ).toEqual({
      schedule: ['0 6 * * 1'],
      from: '2026-12-01',
      until: '2026-12-31',
    })
    readEntryCalendar({ schedule: ['0 6 * *'] }, 'batch item 2', problems)
    readEntryCalendar({ schedule: [] }, 'batch item 3', problems)
    readEntryCalendar({ from: '1 March' }, 'batch item 4', problems)
    readEntryCalendar({ from: '2026-12-09', until: '2026-12-01' }, 'batch item 5', problems)
    expect(problems).toEqual([
      "batch item 2 'schedule' must be a cron string or a list of them, as in the workflow's on.schedule (e.g. '0 6 * * 1')",
      "batch item 3 'schedule' must be a cron string or a list of them, as in the workflow's on.schedule (e.g. '0 6 * * 1')",
      "batch item 4 'from' must be a date written YYYY-MM-DD (e.g. 2026-03-01)",
      "batch item 5 'from' (2026-12-09) is after 'until' (2026-12-01): the entry would never run",
    ])
  })

  it('knows the shape of a cron', () => {
    expect(isCronShape('*/15 6-9 * JAN,FEB mon-fri')).toBe(true)
    expect(isCronShape('0 6 * * 1 2026')).toBe(false)
    expect(isCronShape('0 6 * * $(x)')).toBe(false)
  })

  it('rotates by run number: runs 1, 2, 3 of two entries take the first, the second, the first', () => {
    expect([1, 2, 3].map((n) => rotationIndex(n, 2))).toEqual([0, 1, 0])
    expect(rotationIndex(7, 3)).toBe(0)
  })
})
