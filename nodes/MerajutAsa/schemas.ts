import { z, type ZodTypeAny } from 'zod';

import { forEachEvent } from '../shared/catalogue';
import { MERAJUTASA_EVENT_NAMES, type MerajutAsaEventName } from './events';

/**
 * Payload shapes from MerajutASA's Webhook Integration Setup Guide. The five events with a JSON
 * example get that example's shape; the eight described only in YAML get the
 * envelope with an open `data` object. Only what the spec shows is required,
 * identifiers are plain strings (the spec writes "uuid", "company_uuid",
 * "anonymized_employee_uuid"), and every object passes unknown fields through
 * so additions by MerajutASA are kept.
 */
const object = <T extends z.ZodRawShape>(shape: T) => z.object(shape).passthrough();
const strings = z.array(z.string());

/** Shown only in the education example, described as context for every event. */
const businessContext = object({
	employee_volunteers_involved: z.number().int().nonnegative().optional(),
	volunteer_hours_contributed: z.number().nonnegative().optional(),
	skills_based_support: strings.optional(),
	next_milestone_target: z.string().optional(),
});

function envelope<T extends ZodTypeAny>(event: MerajutAsaEventName, data: T) {
	return object({
		event_id: z.string().min(1),
		event_type: z.literal(event),
		timestamp: z.string().datetime({ offset: true }),
		data,
		business_context: businessContext.optional(),
	});
}

export const educationMilestoneData = object({
	achievement: object({
		type: z.string(),
		level: z.string(),
		child_count: z.number().int().nonnegative(),
		orphanage_id: z.string(),
		program_id: z.string(),
	}),
	csr_contribution: object({
		sponsor_company: z.string(),
		investment_amount: z.number().nonnegative(),
		investment_type: z.string(),
		contribution_percentage: z.number(),
	}),
	impact_measurement: object({
		baseline_score: z.number(),
		current_score: z.number(),
		improvement_percentage: z.number(),
		children_affected: z.number().int().nonnegative(),
		measurement_period: z.string(),
	}),
	supporting_data: object({
		assessment_methodology: z.string(),
		external_validation: z.boolean(),
		privacy_compliance: z.string(),
	}),
});

export const healthImprovementData = object({
	health_improvement: object({
		category: z.string(),
		metric: z.string(),
		children_affected: z.number().int().nonnegative(),
		improvement_summary: z.string(),
	}),
	csr_contribution: object({
		sponsor_company: z.string(),
		program_focus: z.string(),
		investment_amount: z.number().nonnegative(),
		duration_months: z.number().int().nonnegative(),
	}),
	health_metrics: object({
		average_weight_gain: z.string(),
		malnutrition_reduction: z.string(),
		health_checkup_compliance: z.string(),
		preventive_care_access: z.string(),
	}),
	program_effectiveness: object({
		intervention_type: z.string(),
		cost_per_child_per_month: z.number().nonnegative(),
		sustainability_score: z.number(),
		replication_potential: z.string(),
	}),
});

export const protectionStrengthenedData = object({
	protection_enhancement: object({
		area: z.string(),
		improvement_type: z.string(),
		staff_trained: z.number().int().nonnegative(),
		orphanages_covered: z.number().int().nonnegative(),
		certification_achieved: z.string(),
	}),
	csr_investment: object({
		sponsor_company: z.string(),
		investment_focus: z.string(),
		training_investment: z.number().nonnegative(),
		technology_investment: z.number().nonnegative(),
	}),
	impact_measurement: object({
		incident_reduction: z.string(),
		response_time_improvement: z.string(),
		staff_confidence_increase: z.string(),
		child_safety_score: z.number(),
	}),
	sustainability_factors: object({
		local_capacity_built: z.boolean(),
		training_curriculum_localized: z.boolean(),
		peer_mentorship_established: z.boolean(),
		ongoing_support_framework: z.string(),
	}),
});

export const volunteerMilestoneData = object({
	volunteer_achievement: object({
		employee_id: z.string(),
		achievement_type: z.string(),
		milestone: z.string(),
		total_hours: z.number().nonnegative(),
		service_period: z.string(),
		consistency_score: z.number(),
	}),
	impact_contribution: object({
		children_directly_helped: z.number().int().nonnegative(),
		programs_supported: z.number().int().nonnegative(),
		skills_contributed: strings,
		// The example's keys name its own outcomes; other volunteers report others.
		measurable_outcomes: z.record(z.union([z.number(), z.string(), z.boolean()])),
	}),
	professional_development: object({
		leadership_skills_developed: strings,
		competency_improvements: strings,
		career_impact: object({
			performance_review_enhancement: z.boolean(),
			promotion_readiness_increase: z.boolean(),
			network_expansion: z.string(),
		}),
	}),
	recognition_earned: object({
		corporate_recognition: z.string(),
		community_appreciation: z.string(),
		peer_recognition: z.string(),
	}),
});

export const teamProjectData = object({
	team_project: object({
		project_id: z.string(),
		project_name: z.string(),
		team_size: z.number().int().nonnegative(),
		project_duration: z.string(),
		completion_status: z.string(),
	}),
	team_members: z.array(
		object({
			employee_role: z.string(),
			skills_contributed: strings,
			hours_invested: z.number().nonnegative(),
			// Each shown on one member only.
			leadership_demonstrated: z.boolean().optional(),
			innovation_contributed: z.boolean().optional(),
		}),
	),
	project_impact: object({
		children_benefited: z.number().int().nonnegative(),
		staff_trained: z.number().int().nonnegative(),
		technology_systems_implemented: z.number().int().nonnegative(),
		sustainability_plan: z.string(),
	}),
	business_benefits: object({
		team_cohesion_improvement: z.string(),
		cross_functional_collaboration: z.string(),
		innovation_culture_development: z.boolean(),
		employee_satisfaction_increase: z.string(),
	}),
});

/** The spec names these events and their purpose but shows no payload. */
const genericData = object({});

const DETAILED_DATA: Partial<Record<MerajutAsaEventName, ZodTypeAny>> = {
	'child.education.milestone_achieved': educationMilestoneData,
	'child.health.improvement_recorded': healthImprovementData,
	'child.protection.system_strengthened': protectionStrengthenedData,
	'volunteer.achievement.milestone_reached': volunteerMilestoneData,
	'volunteer.team.project_completed': teamProjectData,
};

export const MERAJUTASA_SCHEMAS = forEachEvent(MERAJUTASA_EVENT_NAMES, (event) =>
	envelope(event, DETAILED_DATA[event] ?? genericData),
);
