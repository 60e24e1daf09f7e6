import type { Room, Team, Webex } from '@webex-ts/client';

/** Who goes where: five people, split between the two rooms. */
export interface ProjectPlan {
  teamName: string;
  devRoom: { title: string; members: string[] };
  qaRoom: { title: string; members: string[] };
}

/** The plan from the seed workflow: three developers in the Dev Room, two testers in the QA Room. */
export const projectAlpha: ProjectPlan = {
  teamName: 'Project Alpha',
  devRoom: { title: 'Dev Room', members: ['ana@example.com', 'ben@example.com', 'chen@example.com'] },
  qaRoom: { title: 'QA Room', members: ['dara@example.com', 'eli@example.com'] },
};

/** What was created. */
export interface ProvisionResult {
  team: Team;
  rooms: Room[];
  teamMembers: number;
  roomMembers: number;
  messages: number;
}

/**
 * Creates the team, adds everyone to it, creates both rooms inside it, adds each
 * person to their room and posts a welcome message to each room.
 */
export async function provision(webex: Webex, plan: ProjectPlan = projectAlpha): Promise<ProvisionResult> {
  const team = await webex.teams.create({ name: plan.teamName, description: `Everything about ${plan.teamName}` });
  const teamId = team.id;
  const everyone = [...plan.devRoom.members, ...plan.qaRoom.members];
  await Promise.all(everyone.map((personEmail) => webex.teamMemberships.create({ teamId, personEmail })));

  const rooms: Room[] = [];
  let roomMembers = 0;
  for (const { title, members } of [plan.devRoom, plan.qaRoom]) {
    const room = await webex.rooms.create({ title: `${plan.teamName} - ${title}`, teamId });
    rooms.push(room);
    await Promise.all(members.map((personEmail) => webex.memberships.create({ roomId: room.id, personEmail })));
    roomMembers += members.length;
    await webex.messages.create({
      roomId: room.id,
      markdown: `Welcome to **${title}** of ${plan.teamName}, ${members.map((m) => m.split('@')[0]).join(', ')}!`,
    });
  }
  return { team, rooms, teamMembers: everyone.length, roomMembers, messages: rooms.length };
}
