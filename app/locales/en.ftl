## Tiêu biểu — English (second language).

skip-to-content = Skip to main content
loading = Loading…
lang-label = Language

## Navigation
nav-label = Main navigation
nav-home = Home
nav-account = Account
nav-admin-accounts = User accounts
nav-admin-audit = Audit log
nav-admin-outbox = Outbox
nav-sign-in = Sign in
nav-sign-up = Sign up
nav-sign-out = Sign out

footer-about = Tiêu biểu — the selection of typical rural-industry products.
footer-legal = Under Circular 26/2014/TT-BCT, as amended by Circulars 14/2018/TT-BCT and 38/2025/TT-BCT.

## Home
home-title = Selecting typical rural-industry products
home-lead = Rural-industry producers enter their products with an online dossier; jurors score them on the official 100-point sheet; the council decides which are recognised; the public checks results and certificates.
home-cta-sign-up = Register your business
home-who = Who it is for
home-producers-title = Producers
home-producers-text = Small and medium enterprises, cooperatives, cooperative groups and household businesses: create an account, keep your business profile, and submit dossiers and product photos from a phone.
home-jury-title = Jurors and council
home-jury-text = Jurors score independently on the official score sheet; the council sees the combined results, votes on recognition and nominates products to the next level.
home-public-title = The public and buyers
home-public-text = See published results, browse recognised products and check whether a certificate is valid.
home-rounds-title = Selection rounds
home-rounds-empty = No round is taking entries or has published results yet.

not-found-title = Page not found
not-found-text = This address leads to no page. The link may be old or mistyped.

## Form fields (labels, also used in error messages)
field-name = Full name
field-email = E-mail address
field-phone = Phone number
field-password = Password
field-password_confirm = Password again
field-identifier = E-mail or phone number
field-current_password = Current password
field-new_password = New password
field-new_password_confirm = New password again
field-role = Role
field-invite-name = Full name (optional)
field-search = Search text
field-token = Link
field-user = Account

## What is wrong with a field
problem-required = Please enter the { $field }.
problem-too-long = The { $field } is longer than { $max } characters; please shorten it.
problem-too-short = The { $field } needs at least { $min } characters.
problem-control-characters = The { $field } contains invisible control characters; please type it again.
problem-invalid-email = The { $field } is not in the right form, for example: name@company.vn.
problem-invalid-phone = The { $field } is not right: enter a Vietnamese number of 10 digits starting with 0, or +84.
problem-email-or-phone = Please enter an e-mail address or a phone number (or both).
problem-common-password = This password is too common and easy to guess; please choose another.
problem-passwords-differ = The two passwords differ; please type them again.
problem-password-unchanged = The new password must differ from the current one.
problem-wrong-current-password = The current password is wrong.
problem-taken = This { $field } is already used by another account.
problem-not-a-choice = { $field }: please choose one of the listed values.

problem-not-a-number = The { $field } must be a number, for example 7,5.
problem-not-on-step = { $field }: points must be a multiple of { $step }.
problem-too-many-decimals = { $field }: use at most two decimals.
problem-whole-number = The { $field } must be a whole number.
problem-out-of-range = The { $field } must lie between { $min } and { $max }.
problem-invalid-datetime = The { $field } is not a date and time: write day/month/year hour:minute, for example 30/06/2026 17:00.
problem-must-follow = The { $field } must come after the { $other }.
problem-sum-mismatch = The sub-criteria maxima add up to { $sum }; they must add up to exactly { $expected }.
problem-parent-level = The { $field } must be of a higher level.
problem-pattern-sequence = The { $field } must contain { "{seq}" } (the running number) so that certificate numbers never repeat.
problem-pattern-placeholder = The { $field } holds an unknown code: { $name }. Use only { "{seq}" } and { "{year}" }.
problem-reason-required = Please give a reason.
problem-territory-level = The { $field } must be of the round's level.
problem-must-be-future = The { $field } must not be in the past.
field-unnamed = This field
field-row = { $field } (row { $row })

## Errors
error-unauthenticated = Please sign in to see this page.
error-forbidden = Your account is not allowed to do this.
error-not-found = What you asked for was not found.
error-invalid = { $count } things in the form need fixing:
error-wrong-credentials = The e-mail/phone number or the password is wrong.
error-account-disabled = This account is disabled. Please contact an administrator.
error-throttled = Too many failed attempts. Please try again after { $time } on { $date }.
error-link-invalid = This link is invalid, already used or expired.
error-refused-own-account = You cannot do this to your own account.
error-refused-last-admin = Not possible: the system must keep at least one active administrator.
error-refused-nothing = Nothing changed: the account is already in that state.
error-busy = The server is busy with many requests. Please try again in a few seconds; what you entered is still here.
error-bad-request = The request could not be read. Please reload the page and try again.
error-network = The server could not be reached. Please check the connection and try again; what you typed is still on the page.
error-cross-origin = The request was refused because it came from another website. Please open the page directly and try again.
error-internal = Something went wrong on the server. Please try again in a few minutes.

## Sign-up, sign-in, password
password-hint = At least { $min } characters. Whole sentences, spaces and Vietnamese letters are fine.
sign-up-title = Create an account
sign-up-intro = For representatives of rural-industry businesses who want to enter products in a selection round.
sign-up-name-hint = The full name of the business's representative.
sign-up-contact-hint = Enter an e-mail address or a phone number (or both); you will sign in with it.
sign-up-submit = Create account
sign-up-have-account = Already have an account?
sign-in-title = Sign in
sign-in-submit = Sign in
sign-in-no-account = No account yet?
sign-in-forgot = Forgotten your password?
account-title = My account
account-roles = Roles
account-admin-title = Administration
password-title = Change password
password-intro = After the change, your other sessions (on other devices) are signed out.
password-submit = Change password
notice-password-changed = Your password has been changed.

## Password reset
forgot-title = Forgotten password
forgot-intro = Enter the e-mail address of your account. We will send a link to set a new password.
forgot-submit = Send a reset link
forgot-phone = If you signed up with a phone number (no e-mail), please ask the organisers of the round for a reset link.
notice-reset-requested = If this address belongs to an account with e-mail, we have sent a link to set a new password. It works once, for 2 hours.
reset-title = Set a new password
reset-intro = Set a new password for the account of { $name }. All earlier sessions of the account are then signed out.
reset-expires = The link works once and expires at { $time } on { $date }.
reset-submit = Save the new password
issue-reset = Reset password
notice-reset-issued = A password reset link was created (valid 3 days). The message is in the outbox; if the person has no e-mail, pass the link on by phone.
mail-reset-subject = Resetting your Tiêu biểu password
mail-reset-body =
    Hello { $name },

    Open this link to set a new password for your account on Tiêu biểu. It works once and expires at { $time } on { $date } (Vietnam time):
    { $link }

    If you did not ask for a new password, ignore this message; your current password stays as it is.

## First administrator
setup-title = Set up the system
setup-intro = Create the first administrator account. This link works only once.
setup-submit = Create administrator account

## Invitations
invitation-title = Invitation
invitation-intro = { $inviter } invites you to Tiêu biểu as { $role }. Please confirm your name and choose a password.
invitation-expires = The link works once and expires at { $time } on { $date }.
invitation-submit = Activate account
mail-invitation-subject = Invitation to Tiêu biểu
mail-invitation-body =
    Hello { $name },

    { $inviter } invites you to Tiêu biểu, the system for selecting typical rural-industry products, as { $role }.

    Open this link to set your password. It works once and expires at { $time } on { $date } (Vietnam time):
    { $link }

    If you were not expecting this message, please ignore it.

## Administration: accounts
admin-accounts-title = User accounts
admin-accounts-list = Accounts
admin-accounts-count = { $count ->
    [0] No accounts.
    [one] { $shown } account.
   *[other] { $shown } accounts.
}
invite-title = Invite a person
invite-intro = Invite secretariat staff, jurors, council members or administrators by e-mail. The invitee sets their own password through a one-time link.
invite-name-hint = The invitee can correct it when activating.
invite-submit = Send invitation
notice-invited = The invitation has been created.
notice-invitation-held = No mail server (SMTP) is configured: the invitation is in the outbox; copy its link and send it to the invitee.
notice-invitation-renewed = A new invitation link was sent; the old link no longer works.
notice-account-disabled = The account has been disabled.
notice-account-enabled = The account has been enabled.
notice-role-granted = The role has been added.
notice-role-revoked = The role has been removed.
search-label = Search by name, e-mail or phone number
search-submit = Search
col-contact = Contact
col-status = Status
col-created = Created
col-actions = Actions
status-invited = Invited
status-active = Active
status-disabled = Disabled
resend-invitation = Send invitation again
disable-account = Disable
enable-account = Enable
grant-role = Add role
grant-role-label = Add a role to { $name }
revoke-role = Remove role
revoke-role-label = Remove the role { $role } from { $name }
pager-label = Pages
pager-previous = ‹ Previous page
pager-next = Next page ›
pager-position = Page { $page } of { $pages }

## Roles
role-administrator = Administrator
role-secretary = Secretariat
role-juror = Juror
role-council-member = Council member
role-entrant = Entrant business

## Administration: audit log
admin-audit-title = Audit log
audit-filter-label = Kind of event
audit-filter-all = All
audit-filter-submit = Filter
audit-empty = No events yet.
audit-older = Older events ›
col-time = Time
col-actor = By
col-action = Event
col-target = Subject
col-address = Network address
col-details = Details
audit-setup-completed = First administrator created
audit-account-signed-up = Account created
audit-account-signed-in = Signed in
audit-account-sign-in-failed = Failed sign-in
audit-account-signed-out = Signed out
audit-account-session-ended = Ended another session
account-sessions-title = Sessions
account-sessions-hint = Where your account is signed in. If you see a session you do not know, end it and change your password.
account-session-started = Signed in at
account-session-seen = Last used
account-session-this = This session (the device you are using)
account-session-end = End session
notice-session-ended = The session was ended.
audit-account-password-changed = Password changed
audit-account-password-reset-requested = Password reset requested
audit-account-password-reset-issued = Password reset link issued
audit-account-password-reset = Password reset
audit-account-invited = Invitation sent
audit-account-invitation-accepted = Invitation accepted
audit-account-invitation-renewed = Invitation sent again
audit-role-granted = Role added
audit-role-revoked = Role removed
audit-account-disabled = Account disabled
audit-account-enabled = Account enabled

## Administration: outbox
admin-outbox-title = Outbox
outbox-smtp-on = Messages go out through the configured SMTP server; failed messages are retried automatically.
outbox-smtp-off = No mail server is configured (TIEUBIEU_SMTP_URL). Messages are only kept here: open one, copy its link and send it to the recipient.
outbox-empty = No messages yet.
outbox-last-error = { $attempts } attempts; last error: { $error }
message-status-pending = Waiting to be sent
message-status-sent = Sent
message-status-failed = Not delivered
message-status-held = Kept in the outbox

## Rounds
nav-rounds = Rounds
rounds-title = Selection rounds
rounds-empty = No rounds yet.
rounds-all = See every round
rounds-my-roles = Your roles
account-rounds-title = My rounds
account-rounds-none = You hold no role in any round yet.
round-new-title = Create a round
round-new-intro = A new round starts as a draft, with the four product groups and the official score sheet (40/40/10/10). An earlier round's configuration can be copied.
round-create-submit = Create the round
round-fields-identity = Level and territory
round-fields-general = General
round-fields-calendar = Calendar
round-fields-decision = Recognition and voting
round-fields-scoring = Scoring and certificates
round-calendar-hint = Vietnam time (UTC+7). The server enforces the entries deadline.
round-nav-label = Pages of the round
round-tab-overview = Overview
round-tab-settings = Settings
round-tab-criteria = Score sheet
round-tab-people = People
round-calendar = Calendar
round-rules = Rules
round-moves = State
round-no-moves = No further moves.
times-are-vietnam = Times are Vietnam time (UTC+7).
field-title = Name of the round
field-year = Year
field-level = Level
field-territory = Territory
field-parent_round = Higher round (receives nominations)
field-copy_from = Copy the configuration of
field-entries_open = Entries open
field-entries_close = Entries deadline
field-judging_close = Judging closes
field-threshold = Minimum score for recognition
field-quorum_percent = Council members present, at least (%)
field-majority_percent = Votes in favour must exceed (% of members present)
field-tie_recognises = Votes in favour exactly at that share recognise the product
field-certificate_pattern = Certificate number pattern
field-show_scores = Publish mean scores with the results
field-score_step = Scoring step
field-spread_flag = Jurors' spread that calls for discussion (points)
field-name_vi = Vietnamese name
field-name_en = English name
field-rank = Rank (1 = lowest)
field-parent = Part of
field-max = Maximum points
field-guidance = Scoring guidance
field-groups = Product groups scored
field-chair = Chairs the council
field-reason = Reason
field-total = Total of maxima
field-to = New state
choice-none = (None)
copy-from-official = (Do not copy: use the official score sheet)
copy-from-hint = Copies the chosen round's product groups, criteria and sub-criteria.
territory-hint = The territory must be of the round's level.
parent-round-hint = The higher round receives the products the council nominates; it must be of a higher level.
threshold-hint = Out of 100; a decimal comma is fine, for example 70 or 72,5.
quorum-hint = The council votes only when at least this share of its members is present.
majority-hint = 50 means a simple majority: votes in favour must exceed half the members present.
spread-hint = Entries whose jurors' totals differ by more than this are flagged for the council to discuss.
pattern-hint = Use { "{seq}" } for the running number (required) and { "{year}" } for the year, for example { "{seq}/{year}/GCN-CNNT" }.
points-of-100 = { $points } of 100 points
quorum-value = at least { $percent }% of members
majority-value = in favour must exceed { $percent }% of members present;
tie-recognises = exactly that share recognises.
tie-not-recognised = exactly that share does not recognise.
yes = Yes
no = No
save = Save
settings-locked = The council has begun deliberating: the round's settings can no longer change.
settings-identity-fixed = Entries have opened: level, territory, year and higher round can no longer change.
notice-settings-saved = The settings have been saved.
notice-round-moved = The round has moved to its new state.
move-to = Move to: { $state }
move-back-to = Go back to: { $state }
move-reason-back = Reason for going back (required, recorded in the audit log)
move-reason-missing = Reason for moving on with score sheets missing (required)
state-draft = Draft
state-open = Open for entries
state-screening = Screening
state-judging = Judging
state-deliberation = Council deliberation
state-decided = Decided
state-published = Results published
state-archived = Archived
move-not-a-step = A round cannot move from “{ $from }” to “{ $to }”.
move-deadline-passed = Entries cannot open: the deadline ({ $time } on { $date }) has passed. Change the calendar first.
move-no-secretary = Assign at least one secretariat member before opening entries.
move-deadline-not-reached = The entries deadline ({ $time } on { $date }) has not passed; screening starts after it.
move-entries-unscreened = { $count } entries are not screened yet.
move-no-eligible-entries = No entry has been found eligible, so there is nothing to judge.
move-no-jurors = Assign at least one juror before judging.
move-sheets-missing = { $count } score sheets are missing; give a reason to move on anyway.
move-no-council = Assign council members before deliberation.
move-decision-missing = The recognition decision (its number and date) is not recorded yet.
move-certificates-missing = { $count } recognised products still lack a certificate.
move-entries-exist = { $count } entries have been submitted: the round cannot go back to draft.
move-deadline-not-extended = Extend the entries deadline (to a time after now) before reopening entries.
move-sheets-exist = { $count } score sheets have been submitted: judging cannot go back to screening.
move-decision-exists = The decision is recorded: judging cannot reopen.
move-certificates-exist = { $count } certificates have been issued: deliberation cannot reopen.
error-criteria-frozen = Score sheets exist: this round's criteria can no longer change.
error-conflict = Someone else changed this meanwhile. Please reload the page and try again.
criteria-intro = The official score sheet (Appendix 4, Circular 26/2014/TT-BCT), { $total } points in all. Each product group may have its own sub-criteria; their maxima must add up to their criterion group's maximum.
group-heading = Group { $number }.
max-points = (at most { $points } points)
criterion-one-line = Scored as one line (no sub-criteria).
edit-sub-criteria = Edit sub-criteria
sub-criteria-rule = The sub-criteria maxima must add up to exactly { $max } points. Blank rows are ignored; remove every row to score the group as one line.
sub-row = Sub-criterion { $row }
more-rows = Add rows
notice-criteria-saved = The sub-criteria have been saved.
member-add-title = Assign a person
member-add-intro = Enter the e-mail address or phone number of an existing account. People without an account must be invited first at
member-add-submit = Assign
groups-hint = For jurors only: the product groups this person scores.
members-secretaries = Secretariat
members-jurors = Jury
members-council = Council
members-none = Nobody yet.
chair = Chair
make-chair = Make chair of the council
remove-member = Remove
remove-member-label = Remove { $name } from this role
juror-groups-of = Product groups { $name } scores
save-groups = Save groups
notice-member-added = The person has been assigned.
notice-member-removed = The person has been removed.
notice-groups-saved = The juror's product groups have been saved.
notice-chair-saved = The council's chair has changed.
problem-unknown-account = No account has this e-mail address or phone number. Invite the person first.
problem-already-member = This person already holds this role in the round.
geography-title = Levels and territories
geography-intro = Levels and territories are data you can change (for example when the district level became the commune level, or when provinces merge).
levels-title = Levels
levels-hint = The rank orders the path upward: a higher round must be of a higher rank.
level-add = Add a level
col-territory = Territory
edit = Edit
territories-title = Territories
territory-add = Add a territory
name-en-optional = Left empty, the Vietnamese name is used.
notice-level-saved = The level has been saved.
notice-territory-saved = The territory has been saved.
audit-level-saved = Level saved
audit-territory-saved = Territory saved
audit-round-created = Round created
audit-round-settings-changed = Round settings changed
audit-round-sub-criteria-changed = Sub-criteria changed
audit-round-member-added = Person assigned to a round
audit-round-member-removed = Person removed from a round
audit-round-juror-groups-changed = Juror's product groups changed
audit-round-chair-changed = Council chair changed
audit-round-moved = Round moved to another state

## Entrants: business profile
nav-entries = Entries
business-title = Business profile
business-intro = The producer entering products (as on registration form 01).
business-identity = Business
business-address = Address
business-contact = Representative and contact
business-edit = Edit the business profile
business-first = Before entering a product, fill in your business profile:
notice-business-saved = The business profile has been saved.
choose = (Choose)
field-business_name = Name of the business
field-legal_form = Legal form
field-registration_number = Registration certificate number
field-tax_code = Tax code
field-province = Province or city
field-commune = Commune or ward
field-street = House number, street, hamlet
field-representative = Representative's full name
field-position = Position
field-business_phone = Contact phone number
field-business_email = Contact e-mail (optional)
registration-hint = The number of the enterprise, cooperative or household business registration certificate.
tax-code-hint = 10 digits (13 with a branch suffix). Leave empty if a household business has none.
problem-invalid-tax-code = The { $field } has 10 digits (or 13 with a branch suffix).
legal-form-enterprise = Small or medium enterprise
legal-form-cooperative = Cooperative
legal-form-cooperative-group = Cooperative group
legal-form-household = Household business
error-business-needed = Fill in your business profile before entering a product.

## Entrants: entries
entries-title = Entries
entries-mine = Your business's entries
entries-none = Your business has no entries yet.
entries-open-rounds = Rounds taking entries
entries-no-open-round = No round is taking entries now.
entry-start = Enter a product
entry-untitled = Entry without a product name yet
deadline-at = Deadline: { $time } on { $date }
entry-state-draft = Draft
entry-state-submitted = Submitted
entry-state-returned = Returned for correction
entry-state-accepted = Eligible
entry-state-ineligible = Not eligible
entry-returned-message = The secretariat asks:
entry-forms = Registration and description
form-01 = Registration form (form 01)
form-02 = Product description (form 02)
field-product_name = Product (or set) name
field-group = Product group
field-is_set = This is a set of products
field-set_items = Products in the set
field-description = What the product is
field-materials = Materials and their origin
field-process = Production process and technology
field-capacity = Capacity and output
field-markets = Markets and revenue
field-workers = Workers and their income
field-environment = Environmental measures
field-culture = Cultural and aesthetic value
field-standards = Quality standards met (if any)
field-awards = Awards (if any)
field-message = What to add or correct
hint-set_items = Only for a set: one product per line.
hint-description = What it is, what it is for, what makes it special.
hint-materials = Main materials and where they come from (local materials count).
hint-process = The main steps, machines and technology.
hint-capacity = Yearly output; whether it can be made in quantity.
hint-markets = Where it sells, at home or abroad; recent revenue.
hint-workers = Number of workers and their average monthly income.
hint-environment = How waste is handled; energy saving.
hint-culture = Its culture, tradition and aesthetics.
hint-standards = Quality, safety and food-safety standards or certificates.
hint-awards = Prizes and honours received.
save-draft = Save draft
autosave-saving = Saving…
autosave-saved = Saved.
autosave-unsaved = Unsaved changes (they save themselves).
autosave-offline = Not saved: the connection dropped. It will save when the connection is back.
entry-files = Photos and documents
files-photos = Colour photos of the product
files-registration = Copy of the registration certificate
files-lower-certificate = Certificate of the level below
files-documents = Other documents
files-total = Total size: { $total } (at most { $max }).
upload-photos = Add product photos
upload-photos-hint = At least 3 photos from different angles (front, side, top). JPEG, PNG or WebP, at most { $max } each. You can take them with a phone's camera.
upload-registration = Add the copy of the registration certificate
upload-lower-certificate = Add the certificate of the level below
upload-documents = Add documents (quality or food-safety certificates, awards, test reports)
upload-documents-hint = PDF, JPEG or PNG, at most { $max } each.
upload-submit = Upload
upload-choose = Choose a file before uploading.
upload-progress = Uploading: { $percent }%
upload-some-refused = Some files were not accepted:
notice-files-added = { $count } files uploaded.
file-remove = Remove
file-remove-label = Remove the file { $name }
notice-file-removed = The file has been removed.
upload-empty = The file is empty (0 bytes).
upload-too-large = The file is larger than { $max }; choose a smaller picture or compress the file.
upload-entry-too-large = The entry's files would exceed { $max } in all; remove some files first.
upload-type = This type of file is not accepted. Accepted: { $types }.
upload-damaged = The file is damaged or incomplete; choose it again.
upload-file-number = File { $number }
upload-busy = The server is busy processing many pictures; this file was not kept. Please send it again in a few seconds.
upload-business-full = The business's files have reached their total of { $max }; delete files you do not need from draft entries.
upload-too-many-pixels = The picture is too large (too many pixels); take it at a lower resolution.
upload-too-many-files = There are already { $max } files of this kind.
upload-unreadable = The upload could not be read. Rename the file (letters and digits only) and try again.
upload-entry-locked = The entry is submitted, so files cannot be added or removed; withdraw it first to change it.
entry-missing-intro = To submit, the entry still needs:
entry-complete = The entry has everything required and can be submitted.
missing-business = the business profile (incomplete)
missing-field = { $field }
missing-group = the product group
missing-set-items = the list of products in the set
missing-photos = product photos: { $have } so far, at least { $need } needed
missing-registration = the copy of the registration certificate
missing-lower-certificate = a valid certificate of the level below
entry-send = Submit
entry-submit = Submit the entry
entry-resubmit = Submit the corrected entry
entry-withdraw = Withdraw to change it
entry-withdraw-hint = Before the deadline, an entry can go back to draft to be changed and submitted again.
entry-locked = The entry is submitted and can no longer be changed.
notice-entry-submitted = The entry has been submitted. The secretariat will screen it and tell you the outcome.
notice-entry-withdrawn = The entry is a draft again. Submit it again before the deadline.
entry-round-closed = The round is not taking entries now (deadline: { $time } on { $date }).
entry-incomplete = The entry is incomplete. Still needed: { $items }.
entry-wrong-state = Not possible while the entry is “{ $state }”.
entry-return-submit = Send the request and return the entry
notice-entry-returned = The entry has been returned to its business for correction.
mail-submitted-subject = Entry received: { $product }
mail-submitted-body =
    The entry for “{ $product }” in { $round } was submitted at { $time }.

    The secretariat will screen it. See the entry at:
    { $link }
mail-returned-subject = Please correct your entry: { $product }
mail-returned-body =
    The secretariat of { $round } asks you to correct the entry for “{ $product }”:

    { $message }

    Correct it and submit it again at:
    { $link }
audit-business-saved = Business profile saved
audit-entry-started = Entry started
audit-entry-file-added = File added to an entry
audit-entry-file-removed = File removed from an entry
audit-entry-submitted = Entry submitted
audit-entry-withdrawn = Entry withdrawn
audit-entry-returned = Entry returned for correction

## Screening, jury and score sheets
audit-entry-accepted = Entry accepted with its selection code
audit-entry-ineligible = Entry found not eligible
audit-entry-juror-changed = Juror added to or removed from an entry
audit-jury-conflict-declared = Juror declared their ties to a business
audit-jury-conflict-recorded = Conflict recorded on a juror's behalf
audit-sheet-submitted = Score sheet submitted
audit-sheet-reopened = Score sheet reopened
audit-sheet-from-paper = Score sheet typed in from paper
entry-screening-closed = The round is past screening: the list of eligible entries is fixed.
entry-too-many = Your business already has { $max } entries in this round, the most one business may enter. Use a draft you have not submitted, or delete one.
entry-code = Code: { $code }
entry-ineligible-reason = This entry was found not eligible. The reason:
field-ineligible-reason = Why the entry is not eligible
field-selection_code = Selection code
field-comment = Comment
hint-comment = Your overall comment on the product (optional). The business will read it after the results are published, without your name.
field-reopen-reason = Why the sheet is reopened
field-tie = Tie to the business
field-note = About the tie
hint-tie-note = Required for “another tie”.
tie-owner = Owner or manager of the business
tie-relative = A relative of its owner or representative
tie-employee = Working for the business
tie-adviser = Adviser or technical instructor to the business
tie-other = Another tie (describe it)
declare-title = Declare conflicts of interest
declare-intro = Before you see the dossier, say whether you have any tie to “{ $business }”. If you do, this entry leaves your list.
declare-question = Your tie to the business
declare-no-tie = I have no tie to this business
declare-submit = Send the declaration
declare-later = I find I have a tie to this business
declare-tie-submit = Declare it and do not score this entry
notice-conflict-declared = Your tie to the business is recorded; that entry has left your list.
notice-declared = Your declaration is recorded.
nav-judging = Scoring
round-tab-screening = Screening
round-tab-jury = Jury
screening-title = Screening this entry
screening-accept-hint = An eligible entry gets its selection code and goes to the jury.
screening-accept = Accept and give a code
screening-reject = Not eligible
notice-entry-accepted = The entry is accepted and has its selection code.
notice-entry-rejected = The entry is recorded as not eligible.
screening-list-title = Screening
screening-list-intro = Open each entry to accept it, ask for a correction or find it not eligible. When none is left waiting, move the round on to judging to fix the list.
screening-none = No entry has been submitted yet.
screening-group-submitted = Waiting for screening
screening-group-returned = Waiting for the business's correction
screening-group-accepted = Accepted
screening-group-ineligible = Not eligible
screening-group-empty = None.
screening-col-submitted = Submitted
at-time-date = { $time } on { $date }
judging-title = Scoring
judging-intro = The entries assigned to you. For each: declare any conflict, read the dossier, score it and submit the sheet.
judging-none = No round you judge is being scored at the moment.
judging-progress = { $done } of { $count } sheets submitted
judging-close = Scoring closes at { $time } on { $date }
judging-col-group = Group
judging-col-status = Status
judging-conflicts = Entries you do not score (conflict of interest)
judging-must-declare = Not declared yet
judging-declare = Declare
judging-score = Score
judging-continue = Continue
judging-view = View
judging-draft = Draft ({ $total } points)
judging-submitted = Submitted ({ $total } points)
jury-title = Jury: assignments and progress
jury-summary = { $submitted } of { $expected } score sheets submitted, for { $entries } eligible entries.
jury-closed = Assignments can no longer change at this stage.
jury-jurors = Jurors
jury-no-jurors = The round has no jurors yet. Add them under People.
jury-entries = Eligible entries
jury-no-entries = No entry has been accepted yet.
jury-col-juror = Juror
jury-col-groups = Product groups
jury-col-assigned = Assigned
jury-col-conflicts = Conflicts
jury-col-undeclared = Not declared
jury-col-submitted = Submitted
jury-col-missing = Missing
jury-entry-missing = { $count } sheets missing
jury-added = added to this entry
jury-removed = Not scoring this entry (removed):
jury-restore = Assign again
jury-restore-label = Assign again: { $name }
jury-add-label = Add a juror to this entry
jury-add = Add
jury-remove = Remove
jury-remove-label = Remove: { $name }
jury-open = Open sheet
jury-open-sheet = Open sheet: { $name }
jury-print-sheet = Print: { $name }
jury-record-conflict = Record a conflict for { $name }
jury-record = Record
notice-juror-changed = The assignment is updated.
notice-conflict-recorded = The conflict is recorded; the entry has left this juror's list.
stance-undeclared = Has not declared yet
stance-no-tie = No tie to the business
stance-own-business = Conflict: the juror's own account represents the business
stance-tie = Conflict: { $tie }
stance-by-secretariat = recorded by the secretariat
sheet-title-of = Score sheet for entry { $code }
sheet-business = Business
sheet-juror = Juror
sheet-juror-conflicted = This juror is in conflict with the business: their sheet does not count.
sheet-dossier = The dossier
sheet-heading = Score sheet
sheet-paper-hint = You are typing in a paper sheet on the juror's behalf. It will be marked as typed in from paper.
sheet-print = Print
sheet-state-none = Not started
sheet-state-draft = Draft
sheet-state-submitted = Submitted
sheet-state-submitted-at = Submitted at { $time } on { $date }
sheet-from-paper = typed in from paper
sheet-updated-by = last saved by { $name } at { $time } on { $date }
sheet-max = (at most { $max })
sheet-subtotal = Subtotal: { $points } of { $max }
sheet-total = Total: { $points } of { $max }
sheet-all-filled = Every line is scored.
sheet-empty-lines = Lines still empty: { $count }.
sheet-submit = Submit the sheet
sheet-reloaded = This sheet was just saved elsewhere (another tab or device). The latest points are shown; check them and save again.
sheet-reopen-title = Reopen the sheet for the juror to change
sheet-reopen = Reopen the sheet
notice-sheet-saved = The draft is saved.
notice-sheet-submitted = The score sheet is submitted and locked; only the secretariat can reopen it.
notice-sheet-reopened = The sheet is reopened; the juror can change it and submit again.
sheet-col-number = No.
sheet-col-criterion = Criterion
sheet-col-max = Maximum
sheet-col-points = Points
sheet-col-total = Total
print-title = SCORE SHEET
print-council = Council for typical rural-industry products, { $level } level, { $territory }
print-nation = Socialist Republic of Viet Nam
print-motto = Independence - Freedom - Happiness
print-juror = Juror
print-date = Date: { $day }/{ $month }/{ $year }
print-date-blank = Date: ..... / ..... / ........
print-signature = Juror
print-signature-hint = (Signature and full name)
print-back = Back to the sheet
print-blank = Print a blank sheet
print-hint = Use the browser's Print command (Ctrl+P) and choose A4.
judging-scoring-closed = The round is not being scored: sheets cannot change now.
judging-sheet-locked = The sheet is submitted and locked. To change it, ask the secretariat to reopen it.
judging-not-submitted = The sheet is not submitted, so there is nothing to reopen.
judging-declare-first = Declare any conflict of interest before reading the dossier and scoring.
judging-conflicted = The juror is in conflict with this business and does not score the entry.
judging-sheet-exists = The juror has started scoring this entry and cannot be removed from it.
judging-not-a-juror = This person is not a juror of the round.
judging-panel-closed = The jury's assignments can no longer change at this stage.
judging-tie-stays = Only the secretariat can clear a declared tie.
judging-tied-to-business = You represent the business of this product, so you may not type or reopen its score sheets or record declarations for its jurors.
judging-not-eligible = Only accepted entries are scored.
mail-accepted-subject = Entry accepted: { $product }
mail-accepted-body =
    The entry for “{ $product }” in { $round } is accepted and goes to the jury.

    Selection code: { $message }

    See it at:
    { $link }
mail-ineligible-subject = Entry not eligible: { $product }
mail-ineligible-body =
    The secretariat of { $round } found the entry for “{ $product }” not eligible. The reason:

    { $message }

    See it at:
    { $link }
mail-sheet-reopened-subject = Score sheet reopened: { $code }
mail-sheet-reopened-body =
    The secretariat of { $round } reopened your score sheet for entry { $code } (“{ $product }”). The reason:

    { $reason }

    Review and submit it again at:
    { $link }

## The jury's report

round-tab-report = Jury's report
report-title = The jury's report
report-lead = { $round }: each entry's official score is the mean of the totals of its submitted score sheets. The recognition threshold is { $threshold } points; entries whose jurors differ by more than { $spread } points are flagged for the council to discuss.
report-print-hint = To print the report, use the browser's Print command (Ctrl+P) and choose A4 landscape.
report-no-entries = This group has no eligible entries.
report-col-rank = Rank
report-col-product = Product, business
report-col-official = Official score
report-col-criterion = C{ $number } ({ $max })
report-col-median = Median
report-col-range = Lowest – highest
report-col-spread = Spread
report-col-sheets = Sheets
report-col-standing = Standing
report-col-lowest = Lowest
report-col-highest = Highest
report-col-sheets-counted = Sheets submitted
report-col-sheets-owed = Sheets owed
report-download = Download the report (Excel .xlsx)
report-sheets = { $counted }/{ $expected }
report-reaches = Reaches the threshold
report-below = Below the threshold
report-flagged = Wide spread, to discuss
report-missing = { $count ->
    [one] 1 sheet missing
   *[other] { $count } sheets missing
}
judging-report-not-open = The jury's report opens once the round has moved to deliberation.

## The council

round-tab-council = Council
council-title = Selection council
council-lead = The council has { $members } members. Entries scoring { $threshold } or more are put to the vote. A vote counts when at least { $quorum }% of the members take part; it carries when votes in favour exceed { $majority }% of the members taking part; { $tie }.
council-tie-carries = exactly that share carries
council-tie-fails = exactly that share does not carry
council-member-hint = Vote on each entry that reaches the threshold; you can change your vote until the secretariat records the decision. If you are tied to an entering business, declare it and do not vote on that entry.
council-above = Entries reaching the threshold, put to the vote
council-none-above = No entry reaches the recognition threshold yet.
council-below = Entries below the threshold
council-below-hint = These entries did not score enough to be recognised and are not put to the vote.
council-score = Official score: { $score }
council-counts = { $for } for · { $against } against · { $abstain } abstaining ({ $present } of { $members } members took part)
council-q-recognise = Recognise as a typical product
council-q-nominate = Nominate to the next level
council-from-meeting = From the vote taken in the meeting, recorded by the secretariat.
council-from-online = From the members' online votes.
council-result-recognised = Recognised
council-result-nominated = Recognised and nominated to the next level
council-result-not-recognised = Not recognised
council-certificate = Certificate no.
council-in-set = Part of the set “{ $name }”
council-my-conflict = You declared a tie with this business, so you do not vote on this entry.
council-vote = Vote
council-vote-change = Change my vote
council-voted = You have voted; you can change your vote until the decision.
council-declare = I am tied to this business
council-declare-submit = Declare and do not vote on this entry
council-tally = Record the meeting's vote
council-tally-hint = Members who may vote on this entry: { $members } (members tied to the business are not counted). The meeting's result replaces the online votes.
council-tally-submit = Record the vote
field-present = Members taking part
field-votes-for = For
field-votes-against = Against
field-votes-abstain = Abstaining
field-recognise_for = Votes for recognition
field-nominate_for = Votes for nomination
field-recognise = Vote on recognition
field-nominate = Vote on nomination
ballot-for = For
ballot-against = Against
ballot-abstain = Abstain
ballot-blank = Leave blank
outcome-carried = Carried
outcome-not-carried = Not carried
outcome-tied = Tied: not carried
outcome-no-quorum = Too few members took part
outcome-below-threshold = Below the threshold
council-sets = Sets of products
council-sets-hint = Before certificates are issued, the council may merge several entries of one business that reach the threshold into a set: the recognised products of a set share one certificate.
council-no-sets = No business has two or more entries reaching the threshold.
council-set-of = Choose products of { $business } to merge into a set
field-set_name = Name of the set
council-form-set = Merge into a set
council-dissolve = Split the set
council-dissolve-label = Split the set { $name }
council-decide-heading = Record the decision
council-decision-summary = As the votes stand: { $recognised } products recognised, { $nominated } of them nominated to the next level.
council-undecided = { $count } entries reaching the threshold have no valid vote yet (too few members took part).
council-decide-hint = Recording the decision closes deliberation: results are fixed, each recognised product gets a numbered certificate and votes can no longer change.
field-decision_number = Decision number
hint-decision_number = For example: 1234/QĐ-UBND
field-decided_on = Date signed
field-signer = Signed by
hint-signer = Name and title, for example: Nguyễn Văn A, Vice-Chair of the Provincial People's Committee
council-decide = Record the decision and issue certificates
council-decision-heading = Decision of recognition
council-decision-text = Decision no. { $number } of { $date } by { $issuer }; signed by { $signer }.
notice-vote-cast = Your vote is recorded.
notice-council-conflict-declared = Your declaration is recorded; you do not vote on this entry.
notice-tally-recorded = The meeting's vote is recorded.
notice-set-formed = The set is formed.
notice-set-dissolved = The set is split.
notice-decision-recorded = The decision is recorded; certificates are numbered.
council-not-a-member = Only members of this round's selection council vote.
council-not-deliberating = The council votes, records tallies and the decision only while the round is in deliberation.
council-decided = The decision is recorded; the results can no longer change.
council-below-threshold = This entry does not reach the threshold, so it is not put to the vote.
council-conflicted = You are tied to this entry's business, so you may not vote on it.
council-not-recognised = This product was not recognised, so it has no certificate.
council-bad-set = A set needs two or more entries of one business that reach the threshold and belong to no other set.
council-votes-missing = Some entries reaching the threshold have no valid vote yet. Wait for the members to vote or record the meeting's vote.
problem-more-present-than-members = More members take part than may vote on this entry.
problem-more-votes-than-present = { $field }: more votes than members taking part.
problem-must-not-be-future = { $field } must not be a future date.
audit-council-vote-cast = Council member voted
audit-council-conflict-declared = Council member declared a tie with a business
audit-council-tally-recorded = Meeting's vote recorded
audit-council-set-changed = Set of products formed or split
audit-council-decision-recorded = Decision of recognition recorded
audit-certificate-issued = Certificate issued
field-issuer = Issuing body
hint-issuer = Printed on the certificates, for example: Ủy ban nhân dân tỉnh Đồng Nai
council-not-published = Detailed results reach the business once the round's results are published.
entry-certificate = Certificate no. { $number }, valid until the end of { $date }.
entry-certificate-download = Download the certificate (PDF)
entry-feedback-link = See the jury's scores and comments
feedback-title = How the entry was scored
feedback-outcome = Result
feedback-score = Official score: { $score } (recognition threshold { $threshold }; the mean of { $sheets } score sheets).
feedback-criteria = Mean score per criterion group
feedback-col-criterion = Criterion group
feedback-col-mean = Mean score
feedback-col-max = Maximum
feedback-comments = The jury's comments
feedback-comments-hint = Comments are quoted from the score sheets, without the jurors' names.
feedback-no-comments = The jurors left no comments.

## Checking a certificate

verify-title = Check a certificate
verify-lead = Type the number printed on the certificate (or scan its QR code) to learn whether it is valid and which product it was issued for.
field-certificate-number = Certificate number
verify-submit = Check
verify-malformed = This is not a certificate number. Type the number printed on the certificate, for example 001/2026/GCN-CNNT.
verify-not-found = No published certificate has the number “{ $number }”. Check the number (slashes included) or ask the issuing body.
verify-heading = Certificate no. { $number }
verify-valid = Valid
verify-expired = Expired
verify-revoked = Revoked
verify-product = Product
verify-set = Set of products
verify-set-items = made of: { $items }
verify-group = Product group
verify-business = Business
verify-level = Level
verify-decision-label = Decision of recognition
verify-decision = No. { $number } of { $date } by { $issuer }
verify-issued = Issued on
verify-valid-until = Valid until the end of
verify-revoked-on = Revoked
verify-revoke = Revoke this certificate
field-revoke-reason = Reason for revoking
verify-revoke-submit = Revoke the certificate
notice-certificate-revoked = The certificate is revoked.
audit-certificate-revoked = Certificate revoked

## Public results

results-title = Results
results-lead = By decision no. { $number } of { $date } by { $issuer }, { $recognised } products are recognised as typical rural-industry products (of { $entries } eligible entries).
results-photo-alt = Photo of { $product }
results-certificate = Certificate no. { $number }
results-nominated = Nominated to the next level
results-score = Score: { $score }

## The catalogue

home-catalogue-link = Browse the typical products
home-verify-link = Check a certificate
catalogue-title = Typical rural-industry products
catalogue-lead = Products recognised in the selection rounds. Search by product, business or place; with or without Vietnamese accents.
catalogue-q = Search products, businesses
catalogue-any = All
catalogue-territory = Territory
catalogue-year = Year
catalogue-submit = Search
catalogue-found = { $count } products found.
catalogue-none = No product matches. Try a shorter search or fewer filters.
catalogue-pages = Result pages
catalogue-prev = Previous page
catalogue-next = Next page
catalogue-page = Page { $page } of { $pages }
catalogue-about = About the product
catalogue-contact = Contact the business
catalogue-address = Address
catalogue-representative = Representative
catalogue-phone = Phone
catalogue-email = E-mail
catalogue-certificates = Certificates
catalogue-validity = Issued on { $issued }, valid until the end of { $until }.
catalogue-others = The business's other typical products
results-csv = Download the results (CSV, open data)
scores-download = Download the results and the full score table (Excel .xlsx)
scores-yes = Yes
scores-no = No
scores-juror = Juror
scores-total = Total

## Statistics

home-statistics-link = The programme's figures
stats-title = Figures
stats-lead = Across rounds with published results: { $entries } eligible entries, { $recognised } products recognised (a rate of { $rate }).
stats-csv = Download all figures (CSV)
stats-empty = No round has published its results yet.
stats-by-group = Entries and recognised products by product group
stats-by-territory = By territory
stats-by-level = By level
stats-by-year = By year
stats-scores = Official scores (entries per band of points)
stats-col-label = Item
stats-col-entries = Entries
stats-col-recognised = Recognised
stats-col-rate = Rate

## Nomination upward

round-tab-nominations = Nominations
nominations-title = Nominations to the next level
nominations-lead = The decision nominated { $count } entries to the next level. Send them to a round of a higher level in this system, or download the nomination package for a round run elsewhere.
nominations-none = The decision nominated no entry.
nominations-table = Nominated entries
nominations-col-send = Send
nominations-col-score = Score
nominations-col-certificate = Certificate
nominations-col-status = Status
nominations-parent = Round of the higher level
nominations-parent-hint = Rounds of a higher level taking entries now (open or screening). Each chosen entry arrives there as a submitted entry with its dossier and certificate.
nominations-send = Send the chosen entries
nominations-all-sent = Every nominated entry that can go has been sent.
nominations-no-parent = No round of a higher level in this system is taking entries now. Download the nomination package below, or come back when the higher round opens.
nominations-package = Nomination package
nominations-package-hint = A ZIP file with each nominated entry's dossier files, its certificate, and the summary list (Excel .xlsx: code, product, group, business, address, score, certificate), for a round run elsewhere.
nominations-package-download = Download the nomination package (ZIP)
notice-nominations-sent = The chosen entries were sent to the higher round.
nomination-carried = Nominated by { $round }: certificate no. { $number }, valid until { $until }.
nomination-valid-until = valid until { $until }
nomination-sent-to = Sent to { $round } on { $date }
nomination-not-sent = Not sent yet
nomination-choose = Send { $entry }
nomination-parent-is = This round's higher round: { $round }.
nomination-parent-closed-named = This round's higher round, { $round }, is not taking entries now.
nomination-refused-entry = Entry { $code }: { $reason }
nomination-not-decided = Nominations can be sent once the round's decision is recorded.
nomination-no-parent = Choose a round of a higher level in this system.
nomination-parent-level = The chosen round is not of a higher level than this one.
nomination-parent-closed = The chosen round is not taking entries now (only while open or screening).
nomination-not-nominated = The council did not nominate this entry.
nomination-already-sent = This entry has been sent already.
nomination-no-certificate = This entry has no certificate.
nomination-certificate-expired = Its certificate has expired: an expired certificate of the level below cannot carry an entry to a higher level.
nomination-certificate-revoked = Its certificate was revoked: it cannot carry the entry to a higher level.
nomination-group-missing = The higher round has no product group of this entry's number.
nomination-nothing-chosen = Tick at least one entry to send.
audit-nomination-sent = Nomination sent to a higher round
package-sheet = Summary list
package-title = Summary list of nominated entries (danh sách trích ngang)
package-col-number = No.
package-col-code = Code
package-col-product = Product
package-col-group = Group
package-col-business = Business
package-col-address = Address
package-col-representative = Representative
package-col-phone = Phone
package-col-score = Score
package-col-certificate = Certificate no.
package-col-valid-until = Valid until
package-col-status = Certificate status
package-col-folder = Folder in this package
council-certificate-revoked = This certificate was revoked: it can no longer be downloaded. Its check page says when and why.
council-tied-to-business = You represent the business of this product, so you may not record the meeting's vote on it.

## Second factor (sign-in codes from an authenticator app)
sign-in-code-title = Enter your code
sign-in-code-intro = The password is right. Open the authenticator app on your phone (Google Authenticator, Microsoft Authenticator…) and enter the 6-digit code it shows for Tiêu biểu. The code changes every 30 seconds.
sign-in-code-again = Start signing in again
sign-in-code-submit = Confirm
field-code = Code
field-code-hint = 6 digits, for example 123 456.
two-step-title = Two-step verification
two-step-intro = When it is on, every sign-in also asks for a 6-digit code from the authenticator app on your phone, so someone who knows your password still cannot sign in without that phone.
two-step-required = This installation requires administrators to use two-step verification. Your administrator role counts only once it is set up.
two-step-on = Two-step verification is on for this account.
two-step-off = Two-step verification is off.
two-step-begin = Start setting up
two-step-step-app = Install an authenticator app on your phone (Google Authenticator, Microsoft Authenticator or a similar app).
two-step-step-scan = In the app, choose to add an account and scan this QR code.
two-step-step-code = Enter the 6-digit code the app shows to finish.
two-step-qr-label = QR code that adds Tiêu biểu to an authenticator app
two-step-secret = Cannot scan it? Type this key into the app:
two-step-confirm = Turn on two-step verification
two-step-remove-title = Turn off two-step verification
two-step-remove = Turn off two-step verification
two-step-back = ‹ Back to your account
notice-second-factor-begun = A new key was made. Scan the QR code, then enter the first code.
notice-second-factor-on = Two-step verification is on. Your other sessions have ended.
notice-second-factor-off = Two-step verification is off.
notice-second-factor-cleared = This account's two-step verification was removed; the person's sessions have ended.
problem-invalid-code = The code has exactly 6 digits.
problem-wrong-code = The code is wrong or was used already. Enter the code the app shows now (check the phone's clock if codes are always wrong).
problem-sign-in-expired = This sign-in has expired or had too many wrong codes. Sign in again with your password.
problem-second-factor-required = This installation requires administrators to use two-step verification, so it cannot be turned off.
audit-account-second-factor-enabled = Turned on two-step verification
audit-account-second-factor-removed = Removed two-step verification
account-two-step = Two-step verification
account-two-step-needed = This installation requires administrators to use two-step verification. Set it up to use your administrator role.
accounts-second-factor = Uses two-step verification
accounts-clear-second-factor = Remove two-step verification (lost phone)
