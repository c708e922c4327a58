// The reports page's actions: each report's JSON answer, checked against the service's own schema
// before the page draws a chart or a total from it.
import type { z } from 'zod';
import {
  OutstandingAnswerSchema, SalesByDayAnswerSchema, ZReportsAnswerSchema,
  type OutstandingAnswer, type SalesByDayAnswer, type ZReportsAnswer,
} from '../../../reports/wire';
import { api, ApiError } from '../lib/api';
import { reportPath, type OutstandingFilters, type SalesFilters, type ZFilters } from '../lib/report-query';

const BAD_ANSWER = {
  en: 'The head office answered this report in a shape the console does not know; reload the page (the console may be older than the service).',
  ar: 'أجاب المكتب الرئيسي عن هذا التقرير بصيغة لا تعرفها لوحة التحكم؛ أعد تحميل الصفحة (قد تكون لوحة التحكم أقدم من الخادم).',
};

async function read<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await api<unknown>('GET', path));
  if (!parsed.success) throw new ApiError(200, 'BAD_ANSWER', BAD_ANSWER);
  return parsed.data;
}

export const loadSalesByDay = (filters: SalesFilters): Promise<SalesByDayAnswer> =>
  read(reportPath({ kind: 'sales-by-day', filters }), SalesByDayAnswerSchema);

export const loadZReports = (filters: ZFilters): Promise<ZReportsAnswer> =>
  read(reportPath({ kind: 'z-reports', filters }), ZReportsAnswerSchema);

export const loadOutstanding = (filters: OutstandingFilters): Promise<OutstandingAnswer> =>
  read(reportPath({ kind: 'outstanding', filters }), OutstandingAnswerSchema);
