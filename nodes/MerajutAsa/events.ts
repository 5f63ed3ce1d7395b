/**
 * Every event in MerajutASA's Webhook Integration Setup Guide, in the spec's order. The child
 * welfare and volunteer events with JSON examples have no description line in
 * the spec, so theirs are drawn from the headings and examples around them; the
 * YAML-described events use the spec's own `Description:` lines.
 */
export const MERAJUTASA_EVENTS = {
	'child.education.milestone_achieved':
		'A CSR-funded education program reached a measurable academic milestone for the children it supports',
	'child.health.improvement_recorded':
		'A CSR-funded health or nutrition program recorded a measurable improvement in child health',
	'child.protection.system_strengthened':
		'Child safety and protection were strengthened, e.g. staff trained or safety protocols implemented',
	'csr.program.milestone_achieved': 'CSR program reaches significant milestone',
	'csr.program.budget_threshold_reached': 'CSR investment reaches specified spending threshold',
	'csr.program.impact_target_exceeded': 'CSR program exceeds expected impact targets',
	'csr.program.sustainability_achieved': 'CSR program achieves self-sustainability metrics',
	'volunteer.achievement.milestone_reached':
		'An employee volunteer reached a milestone, e.g. a number of volunteer hours completed',
	'volunteer.team.project_completed': 'An employee volunteer team completed a project, with its impact',
	'volunteer.expertise.high_impact_contribution':
		'Professional expertise creates significant organizational improvement',
	'volunteer.innovation.solution_implemented': 'Volunteer-developed innovation successfully implemented',
	'volunteer.mentorship.career_advancement': 'Volunteer mentorship leads to local staff career advancement',
	'volunteer.training.certification_achieved': 'Volunteer-delivered training leads to professional certification',
} as const;

export type MerajutAsaEventName = keyof typeof MERAJUTASA_EVENTS;

export const MERAJUTASA_EVENT_NAMES = Object.keys(MERAJUTASA_EVENTS) as MerajutAsaEventName[];
