import { CLUSTER_LEVEL_LABELS, type ClusterLevel } from '@klynge/contracts';
import { type ClassType, FieldResolver, Resolver, Root } from 'type-graphql';

/** What `levelLabel` says, on every type that has one. */
export const LEVEL_LABEL_DESCRIPTION = 'The level as people write it, for display: "Arena", "Arena Pro", "NCE" or "GCE".';

/**
 * Adds `levelLabel` to a type with a `level` (ARENA_PRO -> "Arena Pro"), so that a dashboard shows
 * levels as people write them without a table of its own.
 */
export function levelLabelResolver(type: ClassType<{ level: ClusterLevel }>) {
  @Resolver(() => type)
  class LevelLabelResolver {
    @FieldResolver(() => String, { description: LEVEL_LABEL_DESCRIPTION })
    levelLabel(@Root() root: { level: ClusterLevel }): string {
      return CLUSTER_LEVEL_LABELS[root.level];
    }
  }
  return new LevelLabelResolver();
}
