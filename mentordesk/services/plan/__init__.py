"""The handleplan (issue #4): goals, sub-goals, progress assessments, evaluation, history.

Every citizen-scoped call checks access (``require_citizen``), audits in the same
transaction as the work, and every create/update/delete of a goal, sub-goal or assessment
is kept in the change history (``mentordesk.services.history``). Edits are made against the
version the user loaded: a stale save raises ``EditConflict`` (three-way merge as in
``services/editing.py``), never a silent overwrite.
"""

from mentordesk.services.plan.assessments import (
    delete_assessment,
    level_series,
    record_assessment,
    update_assessment,
)
from mentordesk.services.plan.evaluation import complete_evaluation, evaluation_goals
from mentordesk.services.plan.goals import (
    create_goal,
    delete_goal,
    get_goal,
    goal_choices,
    goal_history,
    load_plan,
    update_goal,
)
from mentordesk.services.plan.links import (
    goal_contacts,
    link_contact,
    link_contacts,
    linkable_contacts,
    unlink_contact,
)
from mentordesk.services.plan.sub_goals import (
    add_sub_goal,
    delete_sub_goal,
    move_sub_goal,
    update_sub_goal,
)
from mentordesk.services.plan.values import (
    AssessmentInput,
    AssessmentItem,
    GoalChoice,
    GoalContact,
    GoalInput,
    GoalItem,
    GrantChoice,
    HistoryEntry,
    Plan,
    PlanOverviewRow,
    SubGoalInput,
    SubGoalItem,
    ThemeChoice,
    VumTermItem,
)
from mentordesk.services.plan.vum_terms import (
    add_local_term,
    rename_term,
    set_term_active,
    theme_choices,
    theme_name,
    vum_terms,
)

__all__ = [
    "AssessmentInput", "AssessmentItem", "GoalChoice", "GoalContact", "GoalInput", "GoalItem",
    "GrantChoice", "HistoryEntry", "Plan", "PlanOverviewRow", "SubGoalInput", "SubGoalItem",
    "ThemeChoice", "VumTermItem", "add_local_term", "add_sub_goal", "complete_evaluation",
    "create_goal", "delete_assessment", "delete_goal", "delete_sub_goal", "evaluation_goals",
    "get_goal", "goal_choices", "goal_contacts", "goal_history", "level_series",
    "link_contact", "link_contacts", "linkable_contacts", "load_plan", "move_sub_goal",
    "record_assessment",
    "rename_term", "set_term_active", "theme_choices", "theme_name", "unlink_contact",
    "update_assessment", "update_goal", "update_sub_goal", "vum_terms",
]
