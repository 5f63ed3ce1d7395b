/* eslint-disable @n8n/community-nodes/no-restricted-imports -- benchmark tooling runs on a developer machine, not inside n8n */
/**
 * Resident memory of a whole process group (n8n's main process and the task
 * runner it spawns, both in the group the harness starts n8n as), read from
 * /proc: what n8n costs the machine, not only its main process.
 */
import * as fs from 'node:fs';

/** Sum of VmRSS over every process in group `pgid`, in MB (0 where /proc cannot be read). */
export function groupRssMb(pgid: number): number {
	let kb = 0;
	let entries: string[] = [];
	try {
		entries = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
	} catch {
		return 0;
	}
	for (const pid of entries) {
		try {
			// Field 5 of /proc/<pid>/stat is the process group; the command may hold spaces, so count from its ')'.
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
			kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
		} catch {
			// the process ended between the listing and the read
		}
	}
	return Math.round(kb / 1024);
}

/** Total CPU time (user + system, ms) used so far by every process in group `pgid`. */
export function groupCpuMs(pgid: number): number {
	const tick = 1000 / 100; // USER_HZ is 100 on Linux
	let ticks = 0;
	for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
		try {
			const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			const rest = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
			if (Number(rest[2]) !== pgid) continue;
			ticks += Number(rest[11]) + Number(rest[12]);
		} catch {
			// the process ended between the listing and the read
		}
	}
	return ticks * tick;
}
