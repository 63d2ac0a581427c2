import type { QueryPlan, QueryPlanCache } from '@apollo/query-planner';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { GatewayMetrics } from './metrics';

/**
 * The gateway's query plans, kept by operation so that a dashboard's repeated query is planned
 * once: an LRU of about `approximateMiB`, with its hits and misses counted in the metrics, where
 * a falling hit rate says the cache is too small for the operations clients send.
 */
export class MeasuredQueryPlanCache implements QueryPlanCache {
  private readonly plans: InMemoryLRUCache<QueryPlan>;

  constructor(
    approximateMiB: number,
    private readonly metrics: GatewayMetrics,
  ) {
    // Sized by the plans' JSON (InMemoryLRUCache's own measure), as @apollo/gateway's default is.
    this.plans = new InMemoryLRUCache<QueryPlan>({ maxSize: approximateMiB * 2 ** 20 });
  }

  async get(key: string): Promise<QueryPlan | undefined> {
    const plan = await this.plans.get(key);
    this.metrics.queryPlans.inc({ cache: plan ? 'hit' : 'miss' });
    return plan;
  }

  set(key: string, plan: QueryPlan): Promise<void> {
    return this.plans.set(key, plan);
  }

  delete(key: string): Promise<boolean> {
    return this.plans.delete(key);
  }

  clear(): void {
    this.plans.clear();
  }
}
