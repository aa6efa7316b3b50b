//! Who does what in a round: adding and removing secretaries, jurors (with
//! their product groups) and council members (and the chair).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::rounds::members::{AddRoundMember, RemoveRoundMember, SetCouncilChair, SetJurorGroups};
use crate::api::rounds::{GroupCriteria, MemberView};
use crate::components::form::{field_errors, notice_is, remembered, Check, Choice, Field, FormStatus, Select};
use crate::components::status::{LoadError, Loading};
use crate::domain::role::{Role, RoleGrant};
use crate::i18n::{use_i18n, Arg};
use crate::pages::account::role_name;
use crate::pages::round_page::{round_param, round_resource, RoundNav};

#[derive(Clone, Copy)]
struct PeopleActions {
    remove: ServerAction<RemoveRoundMember>,
    groups: ServerAction<SetJurorGroups>,
    chair: ServerAction<SetCouncilChair>,
}

/// The people page.
#[component]
pub fn RoundPeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let detail = round_resource(id.clone());
    let add = ServerAction::<AddRoundMember>::new();
    let actions = PeopleActions {
        remove: ServerAction::new(),
        groups: ServerAction::new(),
        chair: ServerAction::new(),
    };
    let errors = field_errors(add);
    view! {
        <Suspense fallback=Loading>
            {move || {
                let id = id.clone();
                Suspend::new(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <LoadError error/> }.into_any(),
                    };
                    let memory = remembered(AddRoundMember::PATH);
                    let roles = [Role::Secretary, Role::Juror, Role::CouncilMember];
                    let role_choices: Vec<Choice> = roles
                        .iter()
                        .map(|r| Choice { value: r.code().into(), label: role_name(i18n, &RoleGrant::global(*r)), group: None })
                        .collect();
                    let add_round = id.clone();
                    let add_groups = d.groups.clone();
                    let add_form = d.can_assign.then(move || view! {
                        <section class="panel" aria-labelledby="add-heading">
                            <h3 id="add-heading">{i18n.t("member-add-title")}</h3>
                            <p class="hint">{i18n.t("member-add-intro")}" "<a href="/admin/accounts">{i18n.t("nav-admin-accounts")}</a></p>
                            <ActionForm action=add>
                                <FormStatus action=add notice=notice_is("member-added") success_key="notice-member-added"/>
                                <input type="hidden" name="round" value=add_round/>
                                <Field name="identifier" label=i18n.t("field-identifier") errors required=true maxlength=254
                                    value=memory.get("identifier")/>
                                <Select name="role" label=i18n.t("field-role") errors choices=role_choices value=memory.get("role")/>
                                <fieldset>
                                    <legend>{i18n.t("field-groups")}</legend>
                                    <p class="hint">{i18n.t("groups-hint")}</p>
                                    {add_groups.iter().map(|g| view! {
                                        <Check name="groups[]" id=format!("add-group-{}", g.number) value=g.id.clone()
                                            label=format!("{}. {}", g.number, g.name.get(i18n.lang))/>
                                    }).collect_view()}
                                    <p class="field-error" hidden=move || errors.with(|e| !e.iter().any(|x| x.field == "groups"))>
                                        {move || errors.with(|e| e.iter().find(|x| x.field == "groups").map(|x| i18n.field_problem(x)))}
                                    </p>
                                </fieldset>
                                <Check name="chair" label=i18n.t("field-chair")/>
                                <button type="submit" class="button">{i18n.t("member-add-submit")}</button>
                            </ActionForm>
                        </section>
                    });
                    let section = |role: Role, heading: &'static str| {
                        let list: Vec<MemberView> = d.members.iter().filter(|m| m.role == role).cloned().collect();
                        let heading_id = format!("members-{}", role.code());
                        let labelled_by = heading_id.clone();
                        view! {
                            <section aria-labelledby=labelled_by>
                                <h3 id=heading_id>{i18n.t(heading)}" ("{list.len()}")"</h3>
                                {list.is_empty().then(|| view! { <p class="empty">{i18n.t("members-none")}</p> })}
                                <ul class="members">
                                    {list.into_iter().map(|m| view! {
                                        <MemberItem round=id.clone() member=m groups=d.groups.clone() can_assign=d.can_assign actions/>
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    };
                    view! {
                        <Title text=format!("{} · {}", i18n.t("round-tab-people"), d.summary.name)/>
                        <p class="breadcrumb"><a href="/rounds">{i18n.t("rounds-title")}</a></p>
                        <h1>{d.summary.name.clone()}</h1>
                        <RoundNav id=id.clone() current="/people"/>
                        <h2>{i18n.t("round-tab-people")}</h2>
                        <FormStatus action=actions.remove notice=notice_is("member-removed") success_key="notice-member-removed"/>
                        <FormStatus action=actions.groups notice=notice_is("groups-saved") success_key="notice-groups-saved"/>
                        <FormStatus action=actions.chair notice=notice_is("chair-saved") success_key="notice-chair-saved"/>
                        {add_form}
                        {section(Role::Secretary, "members-secretaries")}
                        {section(Role::Juror, "members-jurors")}
                        {section(Role::CouncilMember, "members-council")}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// One member with the buttons an administrator has.
#[component]
fn MemberItem(
    round: String,
    member: MemberView,
    groups: Vec<GroupCriteria>,
    can_assign: bool,
    actions: PeopleActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let user = member.user.to_string();
    let group_names: Vec<String> = member.groups.iter().map(|n| n.to_string()).collect();
    let juror_groups = (member.role == Role::Juror).then(|| {
        let (round, user, name) = (round.clone(), user.clone(), member.name.clone());
        let form = can_assign.then(move || {
            let boxes = groups
                .iter()
                .map(|g| {
                    let checked = member.groups.contains(&g.number);
                    view! {
                        <Check name="groups[]" id=format!("g-{}-{}", member.user, g.number) value=g.id.clone()
                            label=format!("{}", g.number) checked/>
                    }
                })
                .collect_view();
            view! {
                <ActionForm action=actions.groups>
                    <input type="hidden" name="round" value=round.clone()/>
                    <input type="hidden" name="user" value=user.clone()/>
                    <fieldset class="inline-checks">
                        <legend>{i18n.t_with("juror-groups-of", &[("name", Arg::Text(name))])}</legend>
                        {boxes}
                    </fieldset>
                    <button type="submit" class="button button-small button-secondary">{i18n.t("save-groups")}</button>
                </ActionForm>
            }
        });
        view! {
            <p class="hint">{i18n.t("field-groups")}": "{group_names.join(", ")}</p>
            {form}
        }
    });
    let chair_form = (member.role == Role::CouncilMember && can_assign && !member.chair).then(|| {
        let (round, user) = (round.clone(), user.clone());
        view! {
            <ActionForm action=actions.chair>
                <input type="hidden" name="round" value=round.clone()/>
                <input type="hidden" name="user" value=user.clone()/>
                <button type="submit" class="button button-small button-secondary">{i18n.t("make-chair")}</button>
            </ActionForm>
        }
    });
    let remove_form = can_assign.then(|| {
        let (round, user) = (round.clone(), user.clone());
        let label = i18n.t_with("remove-member-label", &[("name", Arg::Text(member.name.clone()))]);
        view! {
            <ActionForm action=actions.remove>
                <input type="hidden" name="round" value=round.clone()/>
                <input type="hidden" name="user" value=user.clone()/>
                <input type="hidden" name="role" value=member.role.code()/>
                <button type="submit" class="button button-small button-danger" aria-label=label>{i18n.t("remove-member")}</button>
            </ActionForm>
        }
    });
    view! {
        <li class="card member">
            <p>
                <strong>{member.name.clone()}</strong>
                {member.chair.then(|| view! { " " <span class="status status-active">{i18n.t("chair")}</span> })}
                <br/>
                <span class="hint">{member.contact.clone()}</span>
            </p>
            {juror_groups}
            <div class="row-actions">{chair_form}{remove_form}</div>
        </li>
    }
}
