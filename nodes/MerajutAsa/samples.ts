import type { JsonObject } from '../shared/provider';
import type { MerajutAsaEventName } from './events';

/**
 * One delivery per event. The five events the spec shows in JSON are its
 * examples verbatim, "uuid" placeholders included (the schemas ask for strings,
 * not UUIDs). The spec describes the eight others only by name and purpose, so
 * theirs are illustrative: the same envelope, with data in the vocabulary of
 * the spec's examples.
 */
const sponsor = 'c0a8012e-7d4b-4b6e-9f3a-2e5d8c1b9a47';
const program = {
	program_id: '5f2b8e91-3c6d-4a7e-b1f0-9d8c7e6a5b43',
	program_name: 'literacy_for_every_child',
	sponsor_company: sponsor,
};

function illustrative(event: MerajutAsaEventName, eventId: string, timestamp: string, data: JsonObject): JsonObject {
	return { event_id: eventId, event_type: event, timestamp, data };
}

export const MERAJUTASA_SAMPLES: Record<MerajutAsaEventName, JsonObject> = {
	'child.education.milestone_achieved': {
		event_id: 'uuid',
		event_type: 'child.education.milestone_achieved',
		timestamp: '2025-08-07T10:30:00Z',
		data: {
			achievement: {
				type: 'academic_milestone',
				level: 'reading_proficiency_improvement',
				child_count: 25,
				orphanage_id: 'uuid',
				program_id: 'uuid',
			},
			csr_contribution: {
				sponsor_company: 'company_uuid',
				investment_amount: 50000000,
				investment_type: 'educational_support',
				contribution_percentage: 85.5,
			},
			impact_measurement: {
				baseline_score: 65.2,
				current_score: 82.7,
				improvement_percentage: 26.8,
				children_affected: 25,
				measurement_period: '6_months',
			},
			supporting_data: {
				assessment_methodology: 'standardized_reading_assessment',
				external_validation: true,
				privacy_compliance: 'anonymized_aggregate_data',
			},
		},
		business_context: {
			employee_volunteers_involved: 12,
			volunteer_hours_contributed: 240,
			skills_based_support: ['tutoring', 'curriculum_development'],
			next_milestone_target: 'advanced_literacy_proficiency',
		},
	},
	'child.health.improvement_recorded': {
		event_id: 'uuid',
		event_type: 'child.health.improvement_recorded',
		timestamp: '2025-08-07T14:45:00Z',
		data: {
			health_improvement: {
				category: 'nutrition_and_wellness',
				metric: 'child_growth_indicators',
				children_affected: 40,
				improvement_summary: 'significant_nutritional_status_improvement',
			},
			csr_contribution: {
				sponsor_company: 'company_uuid',
				program_focus: 'health_and_nutrition',
				investment_amount: 75000000,
				duration_months: 12,
			},
			health_metrics: {
				average_weight_gain: '2.3_kg_over_6_months',
				malnutrition_reduction: '60_percent_decrease',
				health_checkup_compliance: '95_percent_participation',
				preventive_care_access: '100_percent_coverage',
			},
			program_effectiveness: {
				intervention_type: 'comprehensive_nutrition_program',
				cost_per_child_per_month: 156250,
				sustainability_score: 8.7,
				replication_potential: 'high',
			},
		},
	},
	'child.protection.system_strengthened': {
		event_id: 'uuid',
		event_type: 'child.protection.system_strengthened',
		timestamp: '2025-08-07T09:15:00Z',
		data: {
			protection_enhancement: {
				area: 'safety_protocol_implementation',
				improvement_type: 'staff_training_completion',
				staff_trained: 35,
				orphanages_covered: 8,
				certification_achieved: 'child_protection_specialist',
			},
			csr_investment: {
				sponsor_company: 'company_uuid',
				investment_focus: 'capacity_building',
				training_investment: 45000000,
				technology_investment: 25000000,
			},
			impact_measurement: {
				incident_reduction: '40_percent_decrease',
				response_time_improvement: '65_percent_faster',
				staff_confidence_increase: '85_percent_improvement',
				child_safety_score: 9.2,
			},
			sustainability_factors: {
				local_capacity_built: true,
				training_curriculum_localized: true,
				peer_mentorship_established: true,
				ongoing_support_framework: 'comprehensive',
			},
		},
	},
	'csr.program.milestone_achieved': illustrative(
		'csr.program.milestone_achieved',
		'0d6f3c2a-8b1e-4f7d-a9c5-3e2b1d0f8a64',
		'2025-08-01T08:00:00Z',
		{
			program,
			milestone: {
				name: 'first_cohort_completed',
				period: 'quarterly',
				children_reached: 120,
				achieved_at: '2025-07-31',
			},
		},
	),
	'csr.program.budget_threshold_reached': illustrative(
		'csr.program.budget_threshold_reached',
		'7a3e9d1c-2b4f-4e8a-b6d0-1c9f8e7d6a52',
		'2025-08-05T11:20:00Z',
		{
			program,
			budget: {
				total_budget: 500000000,
				amount_spent: 375000000,
				threshold_percentage: 75,
				currency: 'IDR',
			},
		},
	),
	'csr.program.impact_target_exceeded': illustrative(
		'csr.program.impact_target_exceeded',
		'b8c2d4e6-1f3a-4b5c-8d7e-9f0a1b2c3d4e',
		'2025-08-06T15:00:00Z',
		{
			program,
			impact_target: {
				metric: 'children_reading_at_grade_level',
				target_value: 100,
				actual_value: 132,
				exceeded_by_percentage: 32,
				assessment_cycle: 'monthly',
			},
		},
	),
	'csr.program.sustainability_achieved': illustrative(
		'csr.program.sustainability_achieved',
		'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
		'2025-08-07T07:45:00Z',
		{
			program,
			sustainability: {
				assessment: 'quarterly_sustainability_assessment',
				local_ownership: true,
				funding_self_sufficiency_percentage: 80,
				sustainability_score: 8.9,
			},
		},
	),
	'volunteer.achievement.milestone_reached': {
		event_id: 'uuid',
		event_type: 'volunteer.achievement.milestone_reached',
		timestamp: '2025-08-07T16:20:00Z',
		data: {
			volunteer_achievement: {
				employee_id: 'anonymized_employee_uuid',
				achievement_type: 'volunteer_hours_milestone',
				milestone: '100_hours_completed',
				total_hours: 105,
				service_period: '12_months',
				consistency_score: 9.1,
			},
			impact_contribution: {
				children_directly_helped: 15,
				programs_supported: 3,
				skills_contributed: ['technology_training', 'mentorship', 'administrative_support'],
				measurable_outcomes: {
					children_computer_literacy_improved: 12,
					staff_training_delivered: 8,
					process_efficiency_enhanced: '25_percent',
				},
			},
			professional_development: {
				leadership_skills_developed: ['team_coordination', 'cross_cultural_communication'],
				competency_improvements: ['project_management', 'training_delivery'],
				career_impact: {
					performance_review_enhancement: true,
					promotion_readiness_increase: true,
					network_expansion: 'significant',
				},
			},
			recognition_earned: {
				corporate_recognition: 'volunteer_excellence_award',
				community_appreciation: 'orphanage_appreciation_certificate',
				peer_recognition: 'team_inspiration_award',
			},
		},
	},
	'volunteer.team.project_completed': {
		event_id: 'uuid',
		event_type: 'volunteer.team.project_completed',
		timestamp: '2025-08-07T18:45:00Z',
		data: {
			team_project: {
				project_id: 'uuid',
				project_name: 'digital_literacy_program_implementation',
				team_size: 8,
				project_duration: '3_months',
				completion_status: 'successful_with_impact',
			},
			team_members: [
				{
					employee_role: 'project_leader',
					skills_contributed: ['project_management', 'curriculum_development'],
					hours_invested: 45,
					leadership_demonstrated: true,
				},
				{
					employee_role: 'technical_specialist',
					skills_contributed: ['software_training', 'hardware_setup'],
					hours_invested: 38,
					innovation_contributed: true,
				},
			],
			project_impact: {
				children_benefited: 32,
				staff_trained: 6,
				technology_systems_implemented: 4,
				sustainability_plan: 'established_with_local_support',
			},
			business_benefits: {
				team_cohesion_improvement: 'significant',
				cross_functional_collaboration: 'enhanced',
				innovation_culture_development: true,
				employee_satisfaction_increase: 'measurable',
			},
		},
	},
	'volunteer.expertise.high_impact_contribution': illustrative(
		'volunteer.expertise.high_impact_contribution',
		'3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
		'2025-08-07T12:10:00Z',
		{
			volunteer: { employee_id: 'anonymized_employee_uuid', expertise: 'financial_management' },
			contribution: {
				organization_improvement: 'orphanage_bookkeeping_system_redesign',
				hours_invested: 60,
				efficiency_gain: '40_percent',
			},
		},
	),
	'volunteer.innovation.solution_implemented': illustrative(
		'volunteer.innovation.solution_implemented',
		'9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b',
		'2025-08-07T13:30:00Z',
		{
			volunteer: { employee_id: 'anonymized_employee_uuid' },
			solution: {
				name: 'attendance_tracking_app',
				problem_addressed: 'manual_attendance_records',
				orphanages_using: 5,
				implementation_status: 'live',
			},
		},
	),
	'volunteer.mentorship.career_advancement': illustrative(
		'volunteer.mentorship.career_advancement',
		'4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e',
		'2025-08-07T15:05:00Z',
		{
			mentor: { employee_id: 'anonymized_employee_uuid' },
			mentee: {
				role_before: 'caregiver',
				role_after: 'program_coordinator',
				mentorship_duration: '9_months',
			},
		},
	),
	'volunteer.training.certification_achieved': illustrative(
		'volunteer.training.certification_achieved',
		'6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a',
		'2025-08-07T17:40:00Z',
		{
			trainer: { employee_id: 'anonymized_employee_uuid' },
			training: {
				topic: 'first_aid_and_child_safety',
				participants: 18,
				certified: 16,
				certification: 'certified_first_aid_responder',
			},
		},
	),
};
