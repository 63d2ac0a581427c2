import type { MessageBroker, SubscribeOptions, Subscription } from '@klynge/broker';

/**
 * One service's view of a broker that several services in the process share: its `close` ends
 * only the subscriptions made through this view, so the first service to stop does not close the
 * broker under the others. Whoever created the broker closes it, last.
 */
export function sharedBroker(broker: MessageBroker): MessageBroker {
  const subscriptions = new Set<Subscription>();
  return {
    ensureTopics: (topics) => broker.ensureTopics(topics),
    publish: (messages) => broker.publish(messages),
    checkHealth: () => broker.checkHealth(),
    async subscribe(options: SubscribeOptions) {
      const subscription = await broker.subscribe(options);
      subscriptions.add(subscription);
      return {
        joined: () => subscription.joined(),
        async close() {
          subscriptions.delete(subscription);
          await subscription.close();
        },
      };
    },
    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      subscriptions.clear();
    },
  };
}
