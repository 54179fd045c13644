/**
 * The request body of the external interview API (docs/feishu-api.md, "The body"): what a PUT or
 * a create sends, and what every canonical body read back is compared as.
 */

/** One `assessment_dimension_list[]` entry, keys in the API page's order; blanks are omitted. */
export interface DimensionBody {
  score?: number;
  option?: string;
  options?: string[];
  content?: string;
  assessment_type?: number;
  title?: string;
  description?: string;
}

export interface AssessmentBody {
  /** The assessment's key in the system it came from. */
  external_id?: string;
  username?: string;
  conclusion?: number;
  content?: string;
  assessment_dimension_list?: DimensionBody[];
}

/** The body of `PUT /open-apis/hire/v1/external_interviews/:external_interview_id`. */
export interface InterviewBody {
  /** The interview's key in the system it came from (a legacy ATS): kept, and sent back by every merge. */
  external_id?: string;
  external_application_id: string;
  participate_status?: number;
  begin_time?: number;
  end_time?: number;
  interview_assessments?: AssessmentBody[];
}
