import { z } from 'zod';

export const orgUnitListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      kind: z.string(),
      level: z.string(),
      parentId: z.string().nullable(),
      superiorDepartmentId: z.string().nullable(),
      sameLevelGovernmentId: z.string().nullable(),
      divisionCode: z.string(),
    }),
  ),
});
