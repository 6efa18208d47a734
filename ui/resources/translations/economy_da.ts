<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AmountEdit</name>
    <message>
        <source>0,00</source>
        <translation>0,00</translation>
    </message>
</context>
<context>
    <name>BenefitDialog</name>
    <message>
        <source>Edit application</source>
        <translation>Ret ansøgning</translation>
    </message>
    <message>
        <source>New application for a one-off benefit</source>
        <translation>Ny ansøgning om enkeltydelse</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>Ansøgt den</translation>
    </message>
    <message>
        <source>Amount applied for</source>
        <translation>Ansøgt beløb</translation>
    </message>
    <message>
        <source>Amount granted</source>
        <translation>Bevilget beløb</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Afgørelsesdato</translation>
    </message>
    <message>
        <source>Appeal deadline</source>
        <translation>Klagefrist</translation>
    </message>
    <message>
        <source>Applied on:</source>
        <translation>Ansøgt den:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Formål:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Lovgrundlag:</translation>
    </message>
    <message>
        <source>Amount applied for (kr.):</source>
        <translation>Ansøgt beløb (kr.):</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Amount granted (kr.):</source>
        <translation>Bevilget beløb (kr.):</translation>
    </message>
    <message>
        <source>Decision date:</source>
        <translation>Afgørelsesdato:</translation>
    </message>
    <message>
        <source>Appeal deadline:</source>
        <translation>Klagefrist:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Fill in the purpose.</source>
        <translation>Udfyld formålet.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Lovgrundlag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>BenefitsTab</name>
    <message>
        <source>Applied on</source>
        <translation>Ansøgt den</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Lovgrundlag</translation>
    </message>
    <message>
        <source>Applied for</source>
        <translation>Ansøgt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Bevilget</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Afgørelse</translation>
    </message>
    <message>
        <source>Appeal deadline</source>
        <translation>Klagefrist</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>Ny ansøgning</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ret</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Refused: the appeal deadline has not passed yet.</source>
        <translation>Afslået: klagefristen er ikke udløbet endnu.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Sletter…</translation>
    </message>
    <message>
        <source>Delete the application "{purpose}"?</source>
        <translation>Slet ansøgningen »{purpose}«?</translation>
    </message>
</context>
<context>
    <name>DebtDialog</name>
    <message>
        <source>Edit debt</source>
        <translation>Ret gæld</translation>
    </message>
    <message>
        <source>New debt</source>
        <translation>Ny gæld</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Hovedstol</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Balance date</source>
        <translation>Saldodato</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>Rente</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebyrer</translation>
    </message>
    <message>
        <source>Agreed payment</source>
        <translation>Aftalt afdrag</translation>
    </message>
    <message>
        <source>Creditor:</source>
        <translation>Kreditor:</translation>
    </message>
    <message>
        <source>Collector:</source>
        <translation>Inkassobureau:</translation>
    </message>
    <message>
        <source>Case number:</source>
        <translation>Sagsnummer:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Principal (kr.):</source>
        <translation>Hovedstol (kr.):</translation>
    </message>
    <message>
        <source>Balance (kr.):</source>
        <translation>Saldo (kr.):</translation>
    </message>
    <message>
        <source>Balance on:</source>
        <translation>Saldo pr.:</translation>
    </message>
    <message>
        <source>Interest per year (%):</source>
        <translation>Rente pr. år (%):</translation>
    </message>
    <message>
        <source>Fees (kr.):</source>
        <translation>Gebyrer (kr.):</translation>
    </message>
    <message>
        <source>Agreed payment per month (kr.):</source>
        <translation>Aftalt afdrag pr. måned (kr.):</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Fill in the creditor.</source>
        <translation>Udfyld kreditor.</translation>
    </message>
    <message>
        <source>Creditor</source>
        <translation>Kreditor</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Inkassobureau</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Sagsnummer</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Priority debts are paid before ordinary creditors, in this order: housing, utilities, support, fines, public debt, other priority.</source>
        <translation>Prioriteret gæld betales før almindelige kreditorer, i denne rækkefølge: bolig, forsyning, bidrag, bøder, offentlig gæld, anden prioriteret gæld.</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Prioritet:</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Arose on</source>
        <translation>Stiftet</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Forfald</translation>
    </message>
    <message>
        <source>Arose on:</source>
        <translation>Stiftet:</translation>
    </message>
    <message>
        <source>Due on:</source>
        <translation>Forfald:</translation>
    </message>
    <message>
        <source>Established by:</source>
        <translation>Fastslået ved:</translation>
    </message>
    <message>
        <source>Established by</source>
        <translation>Fastslået ved</translation>
    </message>
</context>
<context>
    <name>DebtsTab</name>
    <message>
        <source>Creditor</source>
        <translation>Kreditor</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Inkassobureau</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Agreed payment</source>
        <translation>Aftalt afdrag</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Andel</translation>
    </message>
    <message>
        <source>Payment per month</source>
        <translation>Afdrag pr. måned</translation>
    </message>
    <message>
        <source>Paid off in</source>
        <translation>Betalt ud om</translation>
    </message>
    <message>
        <source>not at this payment</source>
        <translation>ikke med dette afdrag</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>betalt</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n måned</numerusform>
            <numerusform>%n måneder</numerusform>
        </translation>
    </message>
    <message>
        <source>{years} yr. {months} mo. ({total} months)</source>
        <translation>{years} år {months} md. ({total} måneder)</translation>
    </message>
    <message>
        <source>New debt</source>
        <translation>Ny gæld</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ret</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Repayment plan</source>
        <translation>Afdragsplan</translation>
    </message>
    <message>
        <source>Too little is left to share: each other creditor is offered a token payment of {token}.</source>
        <translation>Der er for lidt tilbage at fordele: hver af de øvrige kreditorer tilbydes et symbolsk afdrag på {token}.</translation>
    </message>
    <message>
        <source>The plan lacks {amount} per month.</source>
        <translation>Planen mangler {amount} pr. måned.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Sletter…</translation>
    </message>
    <message>
        <source>Delete the debt to {creditor}?</source>
        <translation>Slet gælden til {creditor}?</translation>
    </message>
    <message>
        <source>Ordinary creditors get nothing until the priority debts are covered.</source>
        <translation>Almindelige kreditorer får intet, før den prioriterede gæld er dækket.</translation>
    </message>
    <message>
        <source>Conflict: the agreement with {creditor} is {agreed} per month, the plan can pay {payment}. The agreement is not reduced: decide what to do.</source>
        <translation>Konflikt: aftalen med {creditor} er på {agreed} om måneden, planen kan betale {payment}. Aftalen er ikke nedsat – tag stilling til den.</translation>
    </message>
    <message>
        <source>Ability to pay per month (public method): {available}. Shared: {pool}, of which priority debts {priority}.</source>
        <translation>Betalingsevne pr. måned (offentlig metode): {available}. Fordelt: {pool}, heraf prioriteret gæld {priority}.</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>possibly time-barred – investigate</source>
        <translation>mulig forældet – undersøg</translation>
    </message>
</context>
<context>
    <name>EconomyChart</name>
    <message>
        <source>No figures yet.</source>
        <translation>Ingen tal endnu.</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>Indtægter</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Udgifter</translation>
    </message>
    <message>
        <source>Disposable amount</source>
        <translation>Rådighedsbeløb</translation>
    </message>
    <message>
        <source>Income and expenses by month (kr.)</source>
        <translation>Indtægter og udgifter pr. måned (kr.)</translation>
    </message>
</context>
<context>
    <name>EconomyEditor</name>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <source>Add income</source>
        <translation>Tilføj indtægt</translation>
    </message>
    <message>
        <source>Add expense</source>
        <translation>Tilføj udgift</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Fjern række</translation>
    </message>
    <message>
        <source>Copy last year</source>
        <translation>Kopiér sidste år</translation>
    </message>
    <message>
        <source>Year overview</source>
        <translation>Årsoversigt</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graf</translation>
    </message>
    <message>
        <source>Debts and repayment plan</source>
        <translation>Gæld og afdragsplan</translation>
    </message>
    <message>
        <source>One-off benefits</source>
        <translation>Enkeltydelser</translation>
    </message>
    <message>
        <source>Loading economy overview…</source>
        <translation>Henter økonomisk overblik…</translation>
    </message>
    <message>
        <source>The economy overview has changes that are not saved. Save them?</source>
        <translation>Det økonomiske overblik har ændringer, der ikke er gemt. Vil du gemme dem?</translation>
    </message>
    <message>
        <source>Copying last year…</source>
        <translation>Kopierer sidste år…</translation>
    </message>
    <message>
        <source>Replace this year's lines with last year's? You can undo it by not saving.</source>
        <translation>Erstat årets linjer med sidste års? Du kan fortryde ved ikke at gemme.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Loading the saved version…</source>
        <translation>Henter den gemte version…</translation>
    </message>
    <message>
        <source>Not saved: someone else saved this overview while you were editing. Your changes are still here.</source>
        <translation>Ikke gemt: en anden gemte overblikket, mens du redigerede. Dine ændringer er her stadig.</translation>
    </message>
    <message>
        <source>Rates…</source>
        <translation>Satser …</translation>
    </message>
    <message>
        <source>Limitation rules…</source>
        <translation>Forældelsesregler …</translation>
    </message>
</context>
<context>
    <name>EconomyPage</name>
    <message>
        <source>&amp;Citizen:</source>
        <translation>&amp;Borger:</translation>
    </message>
    <message>
        <source>Loading citizens…</source>
        <translation>Henter borgere…</translation>
    </message>
    <message>
        <source>(choose a citizen)</source>
        <translation>(vælg en borger)</translation>
    </message>
</context>
<context>
    <name>EconomySheet</name>
    <message>
        <source>Disposable per month</source>
        <translation>Rådighedsbeløb pr. måned</translation>
    </message>
    <message>
        <source>Norm amount per month</source>
        <translation>Rådighedsbeløb (norm)</translation>
    </message>
    <message>
        <source>Housing, support, debt …</source>
        <translation>Bolig, bidrag, gæld …</translation>
    </message>
    <message>
        <source>Unknown month: »{text}«. Type 1–12 or a month name.</source>
        <translation>Ukendt måned: »{text}«. Skriv 1–12 eller et månedsnavn.</translation>
    </message>
    <message>
        <source>From month</source>
        <translation>Fra måned</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Indsæt</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Tilføj række</translation>
    </message>
    <message>
        <source>Too much to paste at once.</source>
        <translation>For meget at indsætte på én gang.</translation>
    </message>
    <message>
        <source>Choose a cell in an item row to paste into (not a total).</source>
        <translation>Vælg en celle i en postrække at indsætte i (ikke en sum).</translation>
    </message>
    <message>
        <source>The copied block is {width} columns wide and does not fit here.</source>
        <translation>Det kopierede område er {width} kolonner bredt og kan ikke være her.</translation>
    </message>
    <message>
        <source>Nothing was pasted. Row {row}, column {column}: {error}</source>
        <translation>Intet blev indsat. Række {row}, kolonne {column}: {error}</translation>
    </message>
    <message>
        <source>Deficit: the running balance is below zero this month.</source>
        <translation>Underskud: den løbende saldo er under nul denne måned.</translation>
    </message>
    <message>
        <source>Edit cell</source>
        <translation>Ret celle</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Husstand</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>apr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maj</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sep</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>okt</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>dec</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Hyppighed</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløb</translation>
    </message>
    <message>
        <source>Year total</source>
        <translation>År i alt</translation>
    </message>
    <message>
        <source>Avg./month</source>
        <translation>Gns./md.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Total income</source>
        <translation>Indtægter i alt</translation>
    </message>
    <message>
        <source>Total expenses</source>
        <translation>Udgifter i alt</translation>
    </message>
    <message>
        <source>Disposable amount per day</source>
        <translation>Rådighedsbeløb pr. dag</translation>
    </message>
    <message>
        <source>Running balance</source>
        <translation>Løbende saldo</translation>
    </message>
    <message>
        <source>Deficit in: {months}</source>
        <translation>Underskud i: {months}</translation>
    </message>
    <message>
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <source>frequency</source>
        <translation>hyppighed</translation>
    </message>
    <message>
        <source>This cell is calculated and cannot be edited.</source>
        <translation>Cellen er beregnet og kan ikke rettes.</translation>
    </message>
    <message>
        <source>The amount is too large: {text}</source>
        <translation>Beløbet er for stort: {text}</translation>
    </message>
    <message>
        <source>Unknown {what}: »{text}«. Choose one of: {choices}.</source>
        <translation>Ukendt {what}: »{text}«. Vælg en af: {choices}.</translation>
    </message>
    <message>
        <source>The text is too long (at most {limit} characters).</source>
        <translation>Teksten er for lang (højst {limit} tegn).</translation>
    </message>
    <message>
        <source>Ability to pay</source>
        <translation>Betalingsevne</translation>
    </message>
    <message>
        <source>Instalment on a debt: counted once, in the repayment plan (or as public debt in the ability to pay).</source>
        <translation>Afdrag på gæld: tælles kun én gang, i afdragsplanen (eller som offentlig gæld i betalingsevnen).</translation>
    </message>
    <message>
        <source>Covered by the norm amount: the ability to pay leaves it out, the budget shows it.</source>
        <translation>Dækket af rådighedsbeløbet: betalingsevnen trækker den ikke fra igen, budgettet viser den.</translation>
    </message>
    <message>
        <source>Disposable amount per month (budget)</source>
        <translation>Rådighedsbeløb pr. måned (budget, faktiske poster)</translation>
    </message>
    <message>
        <source>Public method: norm amount per month</source>
        <translation>Offentlig metode: rådighedsbeløb (norm) pr. måned</translation>
    </message>
    <message>
        <source>Housing, support, special needs, public debt</source>
        <translation>Bolig, bidrag, særlige udgifter, offentlig gæld</translation>
    </message>
    <message>
        <source>Ability to pay (public method)</source>
        <translation>Betalingsevne (offentlig metode)</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Save and print</source>
        <translation>Gem og udskriv</translation>
    </message>
    <message>
        <source>Save and export</source>
        <translation>Gem og eksportér</translation>
    </message>
    <message>
        <source>The overview has changes that are not saved. Exports and prints use the saved version: save the changes first?</source>
        <translation>Overblikket har ændringer, der ikke er gemt. Eksport og udskrift bruger den gemte version: vil du gemme ændringerne først?</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Eksportér til Excel…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Indlæs fra Excel…</translation>
    </message>
    <message>
        <source>Print (PDF)…</source>
        <translation>Udskriv (PDF)…</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>Versioner…</translation>
    </message>
    <message>
        <source>Economy {name} {year}</source>
        <translation>Økonomi {name} {year}</translation>
    </message>
    <message>
        <source>Export economy overview</source>
        <translation>Eksportér økonomisk overblik</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Eksporteret til {path}</translation>
    </message>
    <message>
        <source>Print economy overview</source>
        <translation>Udskriv økonomisk overblik</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Udskriver…</translation>
    </message>
    <message>
        <source>PDF saved as {path}</source>
        <translation>PDF gemt som {path}</translation>
    </message>
    <message>
        <source>Import economy overview</source>
        <translation>Indlæs økonomisk overblik</translation>
    </message>
    <message>
        <source>Reading the workbook…</source>
        <translation>Læser regnearket…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <source>The workbook was imported.</source>
        <translation>Regnearket er indlæst.</translation>
    </message>
    <message>
        <source>The version was restored.</source>
        <translation>Versionen er gendannet.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Gendanner…</translation>
    </message>
</context>
<context>
    <name>HouseholdBar</name>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;År:</translation>
    </message>
    <message>
        <source>Adults:</source>
        <translation>Voksne:</translation>
    </message>
    <message>
        <source>Children 0–1:</source>
        <translation>Børn 0–1:</translation>
    </message>
    <message>
        <source>2–6:</source>
        <translation>2–6:</translation>
    </message>
    <message>
        <source>7–17:</source>
        <translation>7–17:</translation>
    </message>
    <message>
        <source>Norm:</source>
        <translation>Norm:</translation>
    </message>
    <message>
        <source>= {amount} per month</source>
        <translation>= {amount} pr. måned</translation>
    </message>
    <message>
        <source>rates from {year}</source>
        <translation>satser fra {year}</translation>
    </message>
    <message>
        <source>There are no rates for {year}: the norm is not deducted.</source>
        <translation>Der er ingen satser for {year}: rådighedsbeløbet er ikke trukket fra.</translation>
    </message>
    <message>
        <source>Use the rates from {year}</source>
        <translation>Brug satserne fra {year}</translation>
    </message>
</context>
<context>
    <name>ImportMappingDialog</name>
    <message>
        <source>Import {file}</source>
        <translation>Indlæs {file}</translation>
    </message>
    <message>
        <source>Where things are in the sheet</source>
        <translation>Hvor tingene står i arket</translation>
    </message>
    <message>
        <source>Import and replace the year</source>
        <translation>Indlæs og erstat året</translation>
    </message>
    <message>
        <source>Header row (month names):</source>
        <translation>Overskriftsrække (månedsnavne):</translation>
    </message>
    <message>
        <source>Column with the items:</source>
        <translation>Kolonne med posterne:</translation>
    </message>
    <message>
        <source>Column of January:</source>
        <translation>Kolonne for januar:</translation>
    </message>
    <message>
        <source>Row where income starts (0: none):</source>
        <translation>Række hvor indtægterne starter (0: ingen):</translation>
    </message>
    <message>
        <source>Row where expenses start (0: none):</source>
        <translation>Række hvor udgifterne starter (0: ingen):</translation>
    </message>
    <message>
        <source>Note column:</source>
        <translation>Notekolonne:</translation>
    </message>
    <message>
        <source>What will be imported:</source>
        <translation>Det bliver indlæst:</translation>
    </message>
    <message>
        <source>Rows skipped:</source>
        <translation>Rækker sprunget over:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Choose the row where income or expenses start.</source>
        <translation>Vælg rækken, hvor indtægterne eller udgifterne starter.</translation>
    </message>
    <message>
        <source>A workbook exported from MentorDesk: it is imported exactly as exported. It replaces the overview of {year}; earlier versions stay under Versions.</source>
        <translation>Et regneark eksporteret fra MentorDesk: det indlæses præcis som eksporteret. Det erstatter overblikket for {year}; tidligere versioner findes under Versioner.</translation>
    </message>
    <message>
        <source>A spreadsheet made outside MentorDesk. Check where the items, months and sections are; the preview follows your choices. It replaces the overview of {year}.</source>
        <translation>Et regneark lavet uden for MentorDesk. Kontrollér, hvor poster, måneder og afsnit står; forhåndsvisningen følger dine valg. Det erstatter overblikket for {year}.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Afsnit</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Year total</source>
        <translation>År i alt</translation>
    </message>
</context>
<context>
    <name>PercentEdit</name>
    <message>
        <source>e.g. 7,25</source>
        <translation>fx 7,25</translation>
    </message>
    <message>
        <source>{field}: write the rate in percent, e.g. 7,25.</source>
        <translation>{field}: skriv renten i procent, fx 7,25.</translation>
    </message>
    <message>
        <source>{field}: a rate between 0 and 1.000 with at most two decimals.</source>
        <translation>{field}: en rente mellem 0 og 1.000 med højst to decimaler.</translation>
    </message>
</context>
<context>
    <name>SheetConflictDialog</name>
    <message>
        <source>Someone else saved first</source>
        <translation>En anden gemte først</translation>
    </message>
    <message>
        <source>Another user saved this year's economy overview while you were editing. Nothing has been saved yet. Lines marked + are only in yours, − only in theirs, ≠ differ (year total: saved → yours).</source>
        <translation>En anden bruger gemte årets økonomiske overblik, mens du redigerede. Intet er gemt endnu. Linjer med + findes kun i din version, − kun i den gemte, ≠ er forskellige (år i alt: gemt → din).</translation>
    </message>
    <message>
        <source>The lines are the same; the household or the order differs.</source>
        <translation>Linjerne er de samme; husstanden eller rækkefølgen er forskellig.</translation>
    </message>
    <message>
        <source>Save mine over theirs</source>
        <translation>Gem min version over den gemte</translation>
    </message>
    <message>
        <source>Discard mine, show theirs</source>
        <translation>Kassér min, vis den gemte</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Tilbage til redigering</translation>
    </message>
</context>
<context>
    <name>SheetTableView</name>
    <message>
        <source>Clear cells</source>
        <translation>Ryd celler</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Versions of the economy overview {year}</source>
        <translation>Versioner af det økonomiske overblik {year}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gemt</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anledning</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Linjer</translation>
    </message>
    <message>
        <source>Income, year</source>
        <translation>Indtægter, år</translation>
    </message>
    <message>
        <source>Expenses, year</source>
        <translation>Udgifter, år</translation>
    </message>
    <message>
        <source>No versions saved yet.</source>
        <translation>Ingen versioner gemt endnu.</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Gendan…</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Eksporteret</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Indlæst</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Gendannet</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopieret</translation>
    </message>
    <message>
        <source>Loading versions…</source>
        <translation>Henter versioner…</translation>
    </message>
    <message>
        <source>Loading the version…</source>
        <translation>Henter versionen…</translation>
    </message>
    <message>
        <source>Version of {saved}</source>
        <translation>Version fra {saved}</translation>
    </message>
    <message>
        <source>Make the version of {saved} the current overview? The versions stay in this list.</source>
        <translation>Gør versionen fra {saved} til det gældende overblik? Versionerne bliver i listen.</translation>
    </message>
</context>
<context>
    <name>BudgetMarks</name>
    <message>
        <source>Covered by the norm</source>
        <translation>Dækket af rådighedsbeløbet</translation>
    </message>
    <message>
        <source>The public norm amount pays for this expense: the ability to pay leaves it out, the budget shows it.</source>
        <translation>Rådighedsbeløbet (normen) betaler allerede denne udgift: betalingsevnen trækker den ikke fra igen, budgettet viser den.</translation>
    </message>
    <message>
        <source>Instalment on debt…</source>
        <translation>Afdrag på gæld …</translation>
    </message>
    <message>
        <source>This expense is the payment on one of the debts: it is counted once.</source>
        <translation>Udgiften er afdraget på en af gældsposterne: den tælles kun én gang.</translation>
    </message>
    <message>
        <source>(no debt)</source>
        <translation>(ingen gæld)</translation>
    </message>
    <message>
        <source>Instalment on debt</source>
        <translation>Afdrag på gæld</translation>
    </message>
    <message>
        <source>The expense pays an instalment on:</source>
        <translation>Udgiften er afdrag på:</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <source>Norm rates</source>
        <translation>Satser</translation>
    </message>
    <message>
        <source>First adult</source>
        <translation>Første voksne</translation>
    </message>
    <message>
        <source>Each extra adult</source>
        <translation>Hver ekstra voksen</translation>
    </message>
    <message>
        <source>Child 0–1 years</source>
        <translation>Barn 0–1 år</translation>
    </message>
    <message>
        <source>Child 2–6 years</source>
        <translation>Barn 2–6 år</translation>
    </message>
    <message>
        <source>Child 7–17 years</source>
        <translation>Barn 7–17 år</translation>
    </message>
    <message>
        <source>e.g. borger.dk: Gældsstyrelsens rådighedssatser 2026</source>
        <translation>fx borger.dk: Gældsstyrelsens rådighedssatser 2026</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>År:</translation>
    </message>
    <message>
        <source>Norm:</source>
        <translation>Norm:</translation>
    </message>
    <message>
        <source>{label} (kr. per month):</source>
        <translation>{label} (kr. pr. måned):</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Kilde:</translation>
    </message>
    <message>
        <source>There are no rates for {year}. Enter them with their source.</source>
        <translation>Der er ingen satser for {year}. Indtast dem med deres kilde.</translation>
    </message>
    <message>
        <source>Saving rates…</source>
        <translation>Gemmer satser …</translation>
    </message>
    <message>
        <source>The rates for {year} are saved.</source>
        <translation>Satserne for {year} er gemt.</translation>
    </message>
</context>
<context>
    <name>LimitationDialog</name>
    <message>
        <source>Limitation rules</source>
        <translation>Forældelsesregler</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>Debt established by:</source>
        <translation>Gælden er fastslået ved:</translation>
    </message>
    <message>
        <source>Limitation period:</source>
        <translation>Forældelsesfrist:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Kilde:</translation>
    </message>
    <message>
        <source>Saving the rule…</source>
        <translation>Gemmer reglen …</translation>
    </message>
    <message>
        <source>Saved: {years} years for «{basis}».</source>
        <translation>Gemt: {years} år for »{basis}«.</translation>
    </message>
</context>
</TS>
