import { randomUUID } from 'node:crypto';
import { MembershipEnded, MembershipStarted, orgNumberInput } from '@klynge/contracts';
import {
  BadUserInputError,
  ConflictError,
  isoDate,
  isUuid,
  NotFoundError,
  translateConstraintErrors,
  type UnitOfWork,
} from '@klynge/platform';
import { ClusterEntity } from '../clusters/cluster.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { MembershipEntity } from './membership.entity';
import type { AddMemberInput } from './membership.types';

export class MembershipService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async add(input: AddMemberInput): Promise<MembershipEntity> {
    const membership = Object.assign(new MembershipEntity(), {
      id: randomUUID(),
      clusterId: input.clusterId,
      orgNumber: orgNumberInput('orgNumber', input.orgNumber),
      role: input.role,
      joinedOn: isoDate('joinedOn', input.joinedOn),
      leftOn: null,
    });
    const overlapping = () =>
      new ConflictError(
        `Organisation ${membership.orgNumber} is already a member of this cluster in a period overlapping ${membership.joinedOn}`,
        'joinedOn',
      );
    return translateConstraintErrors({ memberships_no_overlap: overlapping }, () =>
      this.unitOfWork.run(async ({ manager, publish }) => {
        if (!isUuid(membership.clusterId) || !(await manager.getRepository(ClusterEntity).existsBy({ id: membership.clusterId }))) {
          throw new NotFoundError('Cluster', membership.clusterId, 'clusterId');
        }
        if (!(await manager.getRepository(OrganizationEntity).existsBy({ orgNumber: membership.orgNumber }))) {
          throw new NotFoundError('Organization', membership.orgNumber, 'orgNumber');
        }
        await manager.getRepository(MembershipEntity).insert(membership);
        await publish(MembershipStarted, {
          subject: membership.id,
          data: {
            membershipId: membership.id,
            clusterId: membership.clusterId,
            orgNumber: membership.orgNumber,
            role: membership.role,
            joinedOn: membership.joinedOn,
          },
        });
        return membership;
      }),
    );
  }

  /**
   * Ends a membership; it stays in the history with its end date. `authorize` sees the
   * membership's cluster once it is found, and throws if the caller may not change it.
   */
  async end(id: string, leftOnInput: string, authorize: (clusterId: string) => void): Promise<MembershipEntity> {
    const leftOn = isoDate('leftOn', leftOnInput);
    return this.unitOfWork.run(async ({ manager, publish }) => {
      const membership = isUuid(id)
        ? await manager.getRepository(MembershipEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!membership) throw new NotFoundError('Membership', id, 'id');
      authorize(membership.clusterId);
      if (membership.leftOn !== null) throw new ConflictError(`The membership already ended on ${membership.leftOn}`, 'id');
      if (leftOn < membership.joinedOn) {
        throw new BadUserInputError('leftOn', `leftOn must not be before ${membership.joinedOn}, when it began`);
      }
      membership.leftOn = leftOn;
      await manager.getRepository(MembershipEntity).update({ id }, { leftOn });
      await publish(MembershipEnded, {
        subject: membership.id,
        data: { membershipId: membership.id, clusterId: membership.clusterId, orgNumber: membership.orgNumber, leftOn },
      });
      return membership;
    });
  }
}
