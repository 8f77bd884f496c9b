// A cron of a workflow's `on.schedule` in words, for people who do not read cron: '0 6 * * 1' is "Mondays at
// 06:00 UTC" (GitHub runs schedules in UTC). Only the common shape (a minute, an hour, any day of the month, any
// month, weekdays as numbers or names) is put in words; any other cron is shown as it is. Pure.

const DAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays']
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** `Mondays and Thursdays at 06:00 UTC`, or undefined when the cron is not of the common shape. */
export function cronWords(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/)
  if (fields.length !== 5) return undefined
  const [minute, hour, dayOfMonth, month, weekday] = fields as [string, string, string, string, string]
  if (!/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour) || dayOfMonth !== '*' || month !== '*') return undefined
  if (Number(minute) > 59 || Number(hour) > 23) return undefined
  const at = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')} UTC`
  if (weekday === '*') return `every day at ${at}`
  const days: string[] = []
  for (const part of weekday.toLowerCase().split(',')) {
    const index = /^\d$/.test(part) ? Number(part) % 7 : DAY_NAMES.indexOf(part)
    if (index < 0 || index > 6) return undefined
    days.push(DAYS[index] as string)
  }
  return `${days.join(days.length === 2 ? ' and ' : ', ')} at ${at}`
}

/** Text with each quoted cron ('0 6 * * 4') followed by its words: `'0 6 * * 4' (Thursdays at 06:00 UTC)`. */
export function withCronWords(text: string): string {
  return text.replace(/'([^']{9,60})'/g, (quoted, cron: string) => {
    const words = cronWords(cron)
    return words ? `${quoted} (${words})` : quoted
  })
}
