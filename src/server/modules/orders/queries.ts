import { asc, eq } from 'drizzle-orm';
import { type Executor, schema } from '../../platform/db/index.ts';

const { orders } = schema;

/** A person's recorded orders, by order date then recording time. */
export async function listOrdersOfPerson(ex: Executor, personId: string) {
  return ex
    .select()
    .from(orders)
    .where(eq(orders.personId, personId))
    .orderBy(asc(orders.orderDate), asc(orders.createdAt));
}
