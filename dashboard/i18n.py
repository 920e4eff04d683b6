"""Texts in Italian and English, and numbers formatted the way each language writes them.

Every label, sentence and level name the CLI, the dashboard and the reports show
comes from here (criterion and metric texts come from the registry). Keys are
stable; a missing key is a programming error and fails loudly in tests.
"""

from __future__ import annotations

import re
from typing import Any, Literal

Lang = Literal["it", "en"]
LANGS: tuple[Lang, ...] = ("it", "en")

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {
        "it": "Presenza — audit della presenza social",
        "en": "Presenza — social presence audit",
    },
    "overall": {"it": "Indice complessivo", "en": "Overall index"},
    "level": {"it": "Maturità", "en": "Maturity"},
    "measured": {
        "it": "{measured} di {total} criteri misurati",
        "en": "{measured} of {total} criteria measured",
    },
    "period": {"it": "Periodo", "en": "Period"},
    "not_measured": {"it": "non misurato", "en": "not measured"},
    "missing": {"it": "manca", "en": "missing"},
    "target": {"it": "obiettivo", "en": "target"},
    "score": {"it": "punteggio", "en": "score"},
    "gaps": {"it": "Cosa migliorare, in ordine di priorità", "en": "What to fix, by priority"},
    "no_gaps": {
        "it": "Nessuna lacuna: ogni metrica misurata raggiunge l'obiettivo.",
        "en": "No gaps: every measured metric meets its target.",
    },
    "seed": {"it": "Fonte", "en": "Source"},
    "reference": {"it": "Dato di riferimento", "en": "Reference figure"},
    "evidence": {"it": "Evidenze", "en": "Evidence"},
    "recommendation": {"it": "Raccomandazione", "en": "Recommendation"},
    "criteria": {"it": "Criteri", "en": "Criteria"},
    "of": {"it": "su", "en": "of"},
    "days": {"it": "giorni", "en": "days"},
    "hours": {"it": "ore", "en": "hours"},
    "weakest_link": {"it": "lettura «anello più debole»", "en": "weakest-link reading"},
    # --- the app: navigation, pages, charts, downloads (dashboard/ui/, charts.py) ---
    "nav_overview": {"it": "Panoramica", "en": "Overview"},
    "nav_criteria": {"it": "Criteri", "en": "Criteria"},
    "nav_people": {"it": "Persone", "en": "People"},
    "nav_gaps": {"it": "Priorità", "en": "Gaps"},
    "nav_data": {"it": "Dati", "en": "Data"},
    "nav_settings": {"it": "Impostazioni", "en": "Settings"},
    "ui_language": {"it": "Lingua", "en": "Language"},
    "ui_period_help": {
        "it": "Il periodo dell'audit, primo e ultimo giorno inclusi.",
        "en": "The audit period, first and last day included.",
    },
    "ui_period_reset": {"it": "Tutto il periodo dei dati", "en": "Whole span of the data"},
    "ui_show_names": {"it": "Mostra i nomi", "en": "Show names"},
    "ui_show_names_help": {
        "it": "I dipendenti compaiono con un codice pseudonimo; attivate per affiancare il nome dall'anagrafica.",
        "en": "Employees appear by pseudonymous id; turn on to add their name from the roster.",
    },
    "ui_sample_badge": {
        "it": "Dati di esempio: Gruppo Aurora (azienda fittizia)",
        "en": "Sample data: Gruppo Aurora (a fictional company)",
    },
    "ui_files_badge": {"it": "{n} file caricati", "en": "{n} files loaded"},
    "ui_preparing": {"it": "Preparazione dei dati…", "en": "Preparing the data…"},
    "ui_error": {
        "it": "Questa sezione non può essere mostrata: si è verificato un errore imprevisto, registrato per il supporto. Provate a cambiare periodo o a ricaricare i file.",
        "en": "This section cannot be shown: an unexpected error occurred and was logged for support. Try another period or load the files again.",
    },
    "ui_no_data": {
        "it": "Nessun dato da analizzare: caricate i file nella pagina Dati (o ricaricate l'esempio).",
        "en": "No data to audit yet: upload your files on the Data page (or load the sample again).",
    },
    "ui_sample_caption": {
        "it": "Dati di esempio di un'azienda fittizia: caricate i vostri file nella pagina Dati.",
        "en": "Sample data from a fictional company: upload your own files on the Data page.",
    },
    "ui_measured_short": {"it": "Criteri misurati", "en": "Criteria measured"},
    "ui_measured_of": {"it": "{measured} su {total}", "en": "{measured} of {total}"},
    "ui_few_measured": {
        "it": "Solo {measured} criteri su {total} sono misurati: l'indice poggia su pochi dati. Caricate gli altri file nella pagina Dati.",
        "en": "Only {measured} of {total} criteria are measured: the index rests on little data. Upload the other files on the Data page.",
    },
    "ui_top_gaps": {"it": "Le {n} priorità principali", "en": "Top {n} gaps"},
    "ui_all_gaps": {"it": "Tutte le priorità", "en": "All gaps"},
    "ui_all_criteria": {"it": "Tutti i criteri", "en": "All criteria"},
    "ui_criterion": {"it": "Criterio", "en": "Criterion"},
    "ui_previous": {"it": "Precedente", "en": "Previous"},
    "ui_next": {"it": "Successivo", "en": "Next"},
    "ui_numbers": {"it": "I numeri", "en": "The numbers"},
    "ui_weight_help": {"it": "Peso del criterio: {weight}", "en": "Criterion weight: {weight}"},
    "ui_not_measured_help": {
        "it": "Questo criterio non è misurato: mancano i dati indicati sopra. Non conta nell'indice complessivo.",
        "en": "This criterion is not measured: the inputs named above are missing. It does not count in the overall index.",
    },
    "ui_criterion_ok": {
        "it": "Ogni metrica misurata raggiunge l'obiettivo.",
        "en": "Every measured metric meets its target.",
    },
    "ui_people_intro": {
        "it": "Chi partecipa, per reparto e ruolo, e chi collabora con chi. I dipendenti compaiono con un codice pseudonimo finché non attivate «Mostra i nomi».",
        "en": "Who takes part, by department and role, and who works with whom. Employees appear by pseudonymous id until you turn on “Show names”.",
    },
    "ui_no_roster": {
        "it": "Serve l'anagrafica dei dipendenti (roster) per questa pagina.",
        "en": "This page needs the employee roster.",
    },
    "ui_participation_by_department": {
        "it": "Partecipazione per reparto",
        "en": "Participation by department",
    },
    "ui_managers_vs_others": {
        "it": "Manager e altri dipendenti",
        "en": "Managers and everyone else",
    },
    "ui_activity_spread": {
        "it": "Come si distribuisce l'attività",
        "en": "How activity spreads across employees",
    },
    "ui_collaboration_matrix": {
        "it": "Collaborazione tra reparti",
        "en": "Collaboration between departments",
    },
    "ui_collaboration_help": {
        "it": "Interazioni tra colleghi (commenti, reazioni, condivisioni, menzioni): righe = chi interagisce, colonne = il reparto del collega.",
        "en": "Interactions between colleagues (comments, reactions, shares, mentions): rows = who interacts, columns = the colleague's department.",
    },
    "ui_most_active": {"it": "I {n} dipendenti più attivi", "en": "The {n} most active employees"},
    "ui_pseudonymous_note": {
        "it": "Codici pseudonimi; i nomi compaiono solo con «Mostra i nomi».",
        "en": "Pseudonymous ids; names appear only with “Show names”.",
    },
    "ui_gaps_intro": {
        "it": "Ogni metrica sotto l'obiettivo, in ordine di priorità: peso del criterio × peso della metrica × distanza dall'obiettivo.",
        "en": "Every metric below target, by priority: criterion weight × metric weight × distance from target.",
    },
    "ui_filter_criteria": {"it": "Criteri", "en": "Criteria"},
    "ui_search": {"it": "Cerca", "en": "Search"},
    "ui_min_priority": {"it": "Priorità minima", "en": "Minimum priority"},
    "ui_gaps_count": {"it": "{shown} di {total} lacune", "en": "{shown} of {total} gaps"},
    "ui_priority_help": {
        "it": "Peso del criterio × peso della metrica × (100 − punteggio della metrica)",
        "en": "Criterion weight × metric weight × (100 − metric score)",
    },
    "ui_download_csv": {"it": "Scarica CSV", "en": "Download CSV"},
    "ui_download_xlsx": {"it": "Scarica XLSX", "en": "Download XLSX"},
    "ui_data_intro": {
        "it": "Caricate le esportazioni: post della pagina aziendale, attività dei dipendenti (o il riepilogo del programma di advocacy), anagrafica e questionario. Ogni file viene riconosciuto dal contenuto.",
        "en": "Upload the exports: company-page posts, employee activity (or the advocacy tool's summary), the roster and the questionnaire. Each file is recognised by its content.",
    },
    "ui_sample_banner": {
        "it": "Questi sono DATI DI ESEMPIO di un'azienda fittizia (Gruppo Aurora), non della vostra. Caricate i vostri file per sostituirli, o eliminateli con un clic.",
        "en": "This is SAMPLE DATA from a fictional company (Gruppo Aurora), not yours. Upload your own files to replace it, or clear it with one click.",
    },
    "ui_clear_sample": {"it": "Elimina i dati di esempio", "en": "Clear sample data"},
    "ui_load_sample": {"it": "Carica i dati di esempio", "en": "Load the sample data"},
    "ui_sample_replaced": {
        "it": "I vostri file hanno sostituito i dati di esempio.",
        "en": "Your files replaced the sample data.",
    },
    "ui_upload": {"it": "Caricare i file", "en": "Upload files"},
    "ui_upload_kind": {"it": "Che file sono", "en": "What the files are"},
    "ui_upload_kind_help": {
        "it": "Lasciate «Riconosci automaticamente»; scegliete un tipo solo se un file non viene riconosciuto, poi caricatelo di nuovo.",
        "en": "Leave “Recognise automatically”; pick a kind only when a file is not recognised, then upload it again.",
    },
    "ui_upload_files": {
        "it": "File CSV, Excel, TOML o JSON (anche più di uno)",
        "en": "CSV, Excel, TOML or JSON files (any number)",
    },
    "ui_upload_help": {
        "it": "I file restano in questa sessione del browser e non sono condivisi con altri utenti.",
        "en": "Files stay in this browser session and are never shared with other users.",
    },
    "ui_reading": {"it": "Lettura di {file}: {percent} %", "en": "Reading {file}: {percent} %"},
    "ui_reading_rows": {
        "it": "Lettura di {file}: {percent} % — {rows} righe, {speed} righe/s, circa {left} alla fine",
        "en": "Reading {file}: {percent} % — {rows} rows, {speed} rows/s, about {left} left",
    },
    "ui_file_loaded": {
        "it": "{file}: caricato come {kind}, {rows} righe.",
        "en": "{file}: loaded as {kind}, {rows} rows.",
    },
    "ui_file_failed": {
        "it": "{file}: non caricato. Il motivo è nel rapporto di caricamento qui sotto.",
        "en": "{file}: not loaded. The reason is in the load report below.",
    },
    "ui_file_loaded_mapped": {
        "it": "{file}: caricato come {kind} con l'abbinamento di colonne salvato per questa intestazione, {rows} righe.",
        "en": "{file}: loaded as {kind} with the column mapping saved for this header, {rows} rows.",
    },
    "ui_file_needs_mapping": {
        "it": "{file}: formato non riconosciuto. Abbinate le sue colonne qui sotto.",
        "en": "{file}: layout not recognised. Map its columns below.",
    },
    "ui_files_read": {"it": "Cosa è stato letto", "en": "What was read"},
    "ui_no_files": {"it": "Nessun file caricato.", "en": "No files loaded."},
    "ui_remove_files": {"it": "File da togliere", "en": "Files to remove"},
    "ui_remove": {"it": "Togli", "en": "Remove"},
    "ui_load_report": {"it": "Rapporto di caricamento", "en": "Load report"},
    "ui_load_report_help": {
        "it": "Ogni problema trovato: dove (file, riga, colonna), il valore, cosa ci si aspettava e cosa fare.",
        "en": "Every problem found: where (file, row, column), the value, what was expected and what to do.",
    },
    "ui_no_problems": {
        "it": "Nessun problema nei file caricati in questa sessione.",
        "en": "No problems in the files loaded in this session.",
    },
    "ui_questionnaire": {"it": "Questionario di governance", "en": "Governance questionnaire"},
    "ui_questionnaire_help": {
        "it": "Sette domande su policy e formazione: misurano il criterio «Policy e formazione». «Non so» lascia la domanda fuori dal calcolo.",
        "en": "Seven questions on policy and training: they measure the “Governance” criterion. “Don't know” leaves a question out of the score.",
    },
    "ui_save_answers": {"it": "Salva le risposte", "en": "Save the answers"},
    "ui_questionnaire_error": {
        "it": "Le risposte non sono valide: {reason}",
        "en": "The answers are not valid: {reason}",
    },
    "ui_download_questionnaire": {
        "it": "Scarica il questionario (TOML)",
        "en": "Download the questionnaire (TOML)",
    },
    "ui_expected_platforms": {"it": "Piattaforme attese", "en": "Expected platforms"},
    "ui_expected_platforms_help": {
        "it": "Le piattaforme su cui l'azienda dovrebbe essere presente (criterio «Presenza sui social principali»).",
        "en": "The platforms the company should be present on (the “Platform presence” criterion).",
    },
    "ui_weakest_link": {
        "it": "Livello secondo l'anello più debole",
        "en": "Level by the weakest link",
    },
    "ui_weakest_link_help": {
        "it": "Il livello di maturità non supera quello del criterio più debole.",
        "en": "The maturity level is capped by the weakest criterion.",
    },
    "ui_criterion_weights": {"it": "Pesi dei criteri", "en": "Criterion weights"},
    "ui_criterion_weights_help": {
        "it": "Quanto conta ogni criterio nell'indice complessivo (0 = escluso).",
        "en": "How much each criterion counts in the overall index (0 = left out).",
    },
    "ui_metric_targets": {
        "it": "Soglie, obiettivi e pesi delle metriche",
        "en": "Metric floors, targets and weights",
    },
    "ui_metric_targets_help": {
        "it": "Una metrica vale 0 alla soglia e 100 all'obiettivo; le quote sono in percentuale. Modificate una cella per applicarla.",
        "en": "A metric scores 0 at its floor and 100 at its target; shares are in percent. Edit a cell to apply it.",
    },
    "ui_settings_file": {"it": "File delle impostazioni", "en": "Settings file"},
    "ui_download_settings": {"it": "Scarica le impostazioni", "en": "Download settings"},
    "ui_upload_settings": {"it": "Carica un file di impostazioni", "en": "Upload a settings file"},
    "ui_settings_loaded": {
        "it": "Impostazioni caricate da {file}.",
        "en": "Settings loaded from {file}.",
    },
    "ui_settings_error": {
        "it": "Impostazioni non applicate: {reason}",
        "en": "Settings not applied: {reason}",
    },
    "ui_reset_settings": {"it": "Ripristina i valori predefiniti", "en": "Reset to defaults"},
    "ui_settings_effect": {
        "it": "Con queste impostazioni: indice complessivo {score}, maturità {level}.",
        "en": "With these settings: overall index {score}, maturity {level}.",
    },
    "kind_auto": {"it": "Riconosci automaticamente", "en": "Recognise automatically"},
    "kind_company_posts": {"it": "post della pagina aziendale", "en": "company-page posts"},
    "kind_employee_activity": {"it": "attività dei dipendenti", "en": "employee activity"},
    "kind_employee_summary": {"it": "riepilogo per dipendente", "en": "employee summary"},
    "kind_roster": {"it": "anagrafica dei dipendenti", "en": "employee roster"},
    "kind_questionnaire": {"it": "questionario", "en": "questionnaire"},
    "format_canonical": {"it": "formato standard", "en": "standard layout"},
    "format_questionnaire": {"it": "questionario", "en": "questionnaire"},
    "format_unknown": {"it": "non riconosciuto", "en": "not recognised"},
    "format_mapped": {"it": "colonne abbinate a mano", "en": "columns mapped by hand"},
    "format_linkedin_creator": {
        "it": "LinkedIn, statistiche del profilo",
        "en": "LinkedIn creator analytics",
    },
    "format_linkedin_page_content": {
        "it": "LinkedIn, contenuti della pagina",
        "en": "LinkedIn page content",
    },
    "format_meta_posts": {
        "it": "Meta (Facebook, Instagram), post",
        "en": "Meta (Facebook, Instagram) posts",
    },
    "format_x_content": {"it": "X, contenuti", "en": "X content"},
    "format_x_tweet_activity": {"it": "X, attività dei tweet", "en": "X tweet activity"},
    "format_advocacy_users": {
        "it": "piattaforma di advocacy, utenti",
        "en": "advocacy tool, users",
    },
    "ui_choose": {"it": "Scegliete", "en": "Choose"},
    "ui_mapping_title": {
        "it": "Abbinare le colonne di {file}",
        "en": "Map the columns of {file}",
    },
    "ui_mapping_help": {
        "it": "Il formato di questo file non è stato riconosciuto. Dite che tabella è e quale colonna del file corrisponde a ciascuna colonna standard: le ipotesi più probabili sono già scelte. L'abbinamento viene salvato (solo i nomi delle colonne, nessun dato) e applicato da solo al prossimo file con la stessa intestazione.",
        "en": "This file's layout was not recognised. Say which table it is and which of its columns holds each standard column: the best guesses are already chosen. The mapping is saved (column names only, no data) and applied by itself to the next file with the same header.",
    },
    "ui_mapping_table": {"it": "Che tabella è", "en": "Which table it is"},
    "ui_mapping_none": {"it": "— nessuna —", "en": "— none —"},
    "ui_mapping_required_note": {
        "it": "Le colonne segnate con * sono obbligatorie. {guessed} di {total} colonne abbinate per ipotesi.",
        "en": "Columns marked * are required. {guessed} of {total} columns matched by a guess.",
    },
    "ui_mapping_load": {"it": "Carica con questo abbinamento", "en": "Load with this mapping"},
    "ui_mapping_dismiss": {"it": "Lascia perdere questo file", "en": "Dismiss this file"},
    "ui_mapping_missing": {
        "it": "Scegliete una colonna del file per: {columns}.",
        "en": "Choose a column of the file for: {columns}.",
    },
    "ui_mapping_twice": {
        "it": "Una colonna del file è abbinata a più colonne standard: {columns}.",
        "en": "One column of the file is mapped to several standard columns: {columns}.",
    },
    "ui_mapping_failed": {
        "it": "{file}: non caricato nemmeno con questo abbinamento. Il motivo è nel rapporto di caricamento qui sotto.",
        "en": "{file}: still not loaded with this mapping. The reason is in the load report below.",
    },
    "ui_mapping_saved": {
        "it": "{file}: caricato con l'abbinamento scelto come {kind}, {rows} righe. L'abbinamento è salvato per i prossimi file con la stessa intestazione.",
        "en": "{file}: loaded with the chosen mapping as {kind}, {rows} rows. The mapping is saved for the next files with the same header.",
    },
    "ui_file_gone": {
        "it": "{file} non è più in memoria: caricatelo di nuovo.",
        "en": "{file} is no longer held in memory: upload it again.",
    },
    "ui_creator_title": {
        "it": "Statistiche LinkedIn personali dei dipendenti",
        "en": "Employees' own LinkedIn analytics",
    },
    "ui_creator_help": {
        "it": "Ogni file è di un dipendente, che viene riconosciuto dal nome nel nome del file. Se non corrisponde a nessuno nell'anagrafica, o se è sbagliato, scegliete voi il dipendente e ricaricate il file.",
        "en": "Each file belongs to one employee, recognised from the name in the file name. When it matches no one in the roster, or the wrong person, choose the employee and reload the file.",
    },
    "ui_creator_unmatched": {
        "it": "{file}: il nome nel nome del file non corrisponde a nessun dipendente dell'anagrafica. Scegliete il dipendente.",
        "en": "{file}: the name in the file name matches no employee in the roster. Choose the employee.",
    },
    "ui_creator_no_name": {
        "it": "{file}: non caricato, perché il nome del file non dice di chi è. Scegliete il dipendente.",
        "en": "{file}: not loaded, as its file name does not say whose it is. Choose the employee.",
    },
    "ui_creator_matched": {
        "it": "{file}: dipendente {employee}",
        "en": "{file}: employee {employee}",
    },
    "ui_creator_no_roster": {
        "it": "Caricate l'anagrafica dei dipendenti per collegare questi file alle persone.",
        "en": "Upload the employee roster to tie these files to people.",
    },
    "ui_creator_change": {
        "it": "Cambiare il dipendente di un file ({n})",
        "en": "Change the employee of a file ({n})",
    },
    "ui_creator_employee": {"it": "Dipendente", "en": "Employee"},
    "ui_creator_employee_id": {
        "it": "Codice del dipendente (come nell'anagrafica)",
        "en": "Employee id (as in the roster)",
    },
    "ui_creator_reload": {"it": "Ricarica il file", "en": "Reload the file"},
    "ui_creator_not_in_roster": {
        "it": "{employee} non è un codice dell'anagrafica.",
        "en": "{employee} is not an id in the roster.",
    },
    "ui_creator_reloaded": {
        "it": "{file}: ricaricato per il dipendente {employee}.",
        "en": "{file}: reloaded for employee {employee}.",
    },
    "unit_rate": {"it": "quota (0–1)", "en": "rate (0–1)"},
    "unit_ratio": {"it": "rapporto", "en": "ratio"},
    "unit_days": {"it": "giorni", "en": "days"},
    "unit_hours": {"it": "ore", "en": "hours"},
    "unit_number": {"it": "numero", "en": "number"},
    "function_care": {"it": "assistenza clienti", "en": "customer care"},
    "function_sales": {"it": "vendite", "en": "sales"},
    "function_hr": {"it": "risorse umane", "en": "HR"},
    "author_type_staff": {"it": "staff", "en": "staff"},
    "author_type_agency": {"it": "agenzia", "en": "agency"},
    "author_type_unknown": {"it": "sconosciuto", "en": "unknown"},
    "status_loaded": {"it": "caricato", "en": "loaded"},
    "status_failed": {"it": "non caricato", "en": "not loaded"},
    "status_met": {"it": "obiettivo raggiunto", "en": "target met"},
    "status_gap": {"it": "sotto l'obiettivo", "en": "below target"},
    "status_not_measured": {"it": "non misurato", "en": "not measured"},
    "severity_error": {"it": "errore: file non caricato", "en": "error: file not loaded"},
    "severity_rejected": {"it": "riga scartata", "en": "row left out"},
    "severity_warning": {"it": "avviso", "en": "warning"},
    "severity_info": {"it": "nota", "en": "note"},
    "yes": {"it": "sì", "en": "yes"},
    "no": {"it": "no", "en": "no"},
    "answer_yes": {"it": "Sì", "en": "Yes"},
    "answer_no": {"it": "No", "en": "No"},
    "answer_unknown": {"it": "Non so", "en": "Don't know"},
    "q_policy_exists": {
        "it": "Esiste una social media policy?",
        "en": "Is there a social media policy?",
    },
    "q_policy_updated": {
        "it": "Data dell'ultimo aggiornamento della policy",
        "en": "Date the policy was last updated",
    },
    "q_policy_updated_12_months": {
        "it": "Policy aggiornata negli ultimi 12 mesi",
        "en": "Policy updated in the last 12 months",
    },
    "q_legal_involved": {
        "it": "L'ufficio legale ha partecipato alla policy?",
        "en": "Was the legal department involved in the policy?",
    },
    "q_access_unblocked": {
        "it": "I dipendenti possono accedere ai social dal lavoro?",
        "en": "Can employees reach social media from work?",
    },
    "q_training_programme": {
        "it": "C'è un programma di formazione sui social?",
        "en": "Is there a social media training programme?",
    },
    "q_internal_tool": {
        "it": "C'è uno strumento interno di collaborazione?",
        "en": "Is there an internal collaboration tool?",
    },
    "q_marketing_coordinates": {
        "it": "I social dipendono dal marketing e si coordinano con gli altri reparti?",
        "en": "Do social media report to marketing and coordinate with other departments?",
    },
    "q_agencies": {
        "it": "Agenzie esterne (separate da virgole)",
        "en": "External agencies (comma-separated)",
    },
    "q_agencies_help": {
        "it": "I nomi con cui le agenzie firmano i post: servono a distinguerle dallo staff.",
        "en": "The names agencies sign posts with: they tell agency posts from staff posts.",
    },
    "q_followers": {
        "it": "Follower della pagina aziendale per piattaforma (lasciate vuoto se non noto)",
        "en": "Company-page followers per platform (leave blank when unknown)",
    },
    "reason_empty_file": {
        "it": "Il file è vuoto: esportatelo di nuovo.",
        "en": "The file is empty: export it again.",
    },
    "reason_header_only": {
        "it": "Il file ha l'intestazione ma nessuna riga: esportate un periodo con attività.",
        "en": "The file has a header but no data rows: export a period with activity.",
    },
    "reason_binary_file": {
        "it": "Non è una tabella (CSV, Excel, TOML o JSON): controllate di aver scelto il file giusto.",
        "en": "This is not a table (CSV, Excel, TOML or JSON): check you picked the right file.",
    },
    "reason_encoding": {
        "it": "La codifica del testo non è leggibile: salvate il file come CSV UTF-8.",
        "en": "The text encoding could not be read: save the file as UTF-8 CSV.",
    },
    "reason_bad_excel": {
        "it": "La cartella di lavoro non si apre: salvatela di nuovo da Excel come .xlsx.",
        "en": "The workbook could not be opened: save it again from Excel as .xlsx.",
    },
    "reason_malformed_csv": {
        "it": "Le righe del CSV non si dividono in colonne: controllate virgolette e separatori.",
        "en": "The CSV rows could not be split into columns: check quotes and delimiters.",
    },
    "reason_unknown_layout": {
        "it": "Le colonne non corrispondono a nessuna tabella nota: abbinatele alle colonne standard nel modulo sopra, o rinominatele.",
        "en": "The columns do not match any known table: map them to the standard columns in the form above, or rename them.",
    },
    "reason_missing_column": {
        "it": "Manca una colonna obbligatoria: aggiungetela o rinominate la colonna che la contiene.",
        "en": "A required column is missing: add it, or rename the column that holds it.",
    },
    "reason_duplicate_column": {
        "it": "Due colonne hanno lo stesso significato: tenetene una.",
        "en": "Two columns mean the same thing: keep one.",
    },
    "reason_missing_value": {
        "it": "Manca un valore obbligatorio: compilatelo.",
        "en": "A required value is blank: fill it in.",
    },
    "reason_bad_number": {
        "it": "Non è un numero: scrivete solo cifre, per esempio 1234 o 1234,5.",
        "en": "Not a number: write digits only, e.g. 1234 or 1234,5.",
    },
    "reason_negative": {
        "it": "I conteggi non possono essere negativi.",
        "en": "Counts cannot be negative.",
    },
    "reason_bad_date": {
        "it": "Non è una data: usate 2026-03-31, 31/03/2026 o 03/31/2026.",
        "en": "Not a date: use 2026-03-31, 31/03/2026 or 03/31/2026.",
    },
    "reason_bad_boolean": {
        "it": "Non è un sì/no: usate true/false, sì/no, yes/no, 1/0 o x.",
        "en": "Not a yes/no value: use true/false, sì/no, yes/no, 1/0 or x.",
    },
    "reason_bad_choice": {
        "it": "Non è uno dei valori ammessi.",
        "en": "Not one of the accepted values.",
    },
    "reason_duplicate_row": {
        "it": "La stessa riga compare più volte: la copia è stata ignorata.",
        "en": "The same row appears more than once: the copy was ignored.",
    },
    "reason_date_order": {
        "it": "Le date si possono leggere giorno-mese o mese-giorno: è stata presa la lettura indicata.",
        "en": "Dates could be read day-first or month-first: the reading shown was taken.",
    },
    "reason_ragged_row": {
        "it": "La riga ha un numero di campi diverso dall'intestazione.",
        "en": "The row has a different number of fields from the header.",
    },
    "reason_bad_questionnaire": {
        "it": "Il questionario non è leggibile: controllate la sintassi TOML/JSON e le chiavi.",
        "en": "The questionnaire could not be read: check the TOML/JSON syntax and keys.",
    },
    "reason_inferred": {
        "it": "Un valore mancante nel file è stato dedotto.",
        "en": "A value the file did not give was inferred.",
    },
    "reason_short_row": {
        "it": "La riga ha meno campi dell'intestazione: le celle mancanti sono state lasciate vuote.",
        "en": "The row has fewer fields than the header: the missing cells were left blank.",
    },
    "reason_same_name": {
        "it": "Era già stato caricato un altro file con questo nome: li teniamo entrambi.",
        "en": "Another file with this name was already loaded: both are kept.",
    },
    "reason_sheet_ignored": {
        "it": "Un foglio contiene un altro tipo di tabella e non è stato letto: caricatelo da solo.",
        "en": "A sheet holds another kind of table and was not read: upload it on its own.",
    },
    "reason_no_header": {
        "it": "La prima riga contiene valori, non nomi di colonna: ogni riga è stata letta come dato e l'abbinamento non è stato salvato.",
        "en": "The first row holds values, not column names: every row was read as data, and the mapping was not saved.",
    },
    "reason_mapping_applied": {
        "it": "Le colonne sono state abbinate con l'abbinamento salvato per questa intestazione.",
        "en": "The columns were matched with the mapping saved for this header.",
    },
    "reason_unsafe_workbook": {
        "it": "La cartella di lavoro è stata rifiutata: aprirla richiederebbe più memoria o tempo del consentito. Salvatela di nuovo da Excel o esportatela in CSV.",
        "en": "The workbook was refused: opening it would take more memory or time than allowed. Save it again from Excel or export it as CSV.",
    },
    "reason_file_too_big": {
        "it": "Il file è più grande di quanto il server accetti: esportate un periodo più breve.",
        "en": "The file is larger than the server accepts: export a shorter period.",
    },
    "reason_too_many_columns": {
        "it": "Il file ha più colonne di quante una tabella ne possa avere: controllate il separatore.",
        "en": "The file has more columns than a table can have: check the delimiter.",
    },
    "reason_field_too_long": {
        "it": "Una cella è più lunga di qualsiasi valore reale: controllate che non manchi una virgoletta di chiusura.",
        "en": "A cell is longer than any real value: check for a missing closing quote.",
    },
    "reason_line_too_long": {
        "it": "Una riga è più lunga di qualsiasi riga reale: controllate che non manchi una virgoletta di chiusura.",
        "en": "A row is longer than any real row: check for a missing closing quote.",
    },
    "reason_too_slow": {
        "it": "La lettura del file ha richiesto più tempo del consentito: esportate un periodo più breve.",
        "en": "Reading the file took longer than allowed: export a shorter period.",
    },
    "reason_unreadable": {
        "it": "Il file non si legge: controllate che si apra in un foglio di calcolo e riprovate.",
        "en": "The file could not be read: check it opens in a spreadsheet and try again.",
    },
    "reason_truncated": {
        "it": "Ci sono altri problemi dello stesso tipo oltre a quelli elencati.",
        "en": "More problems of this kind were found than are listed.",
    },
    "col_file": {"it": "File", "en": "File"},
    "col_kind": {"it": "Tipo", "en": "Kind"},
    "col_format": {"it": "Formato", "en": "Format"},
    "col_period": {"it": "Periodo", "en": "Period"},
    "col_rows_loaded": {"it": "Righe caricate", "en": "Rows loaded"},
    "col_rows_rejected": {"it": "Righe scartate", "en": "Rows left out"},
    "col_status": {"it": "Stato", "en": "Status"},
    "col_severity": {"it": "Gravità", "en": "Severity"},
    "col_row": {"it": "Riga", "en": "Row"},
    "col_column": {"it": "Colonna", "en": "Column"},
    "col_value": {"it": "Valore", "en": "Value"},
    "col_expected": {"it": "Atteso", "en": "Expected"},
    "col_what_to_do": {"it": "Cosa fare", "en": "What to do"},
    "col_detail": {"it": "Dettaglio", "en": "Detail"},
    "col_what": {"it": "Dato", "en": "Fact"},
    "col_item": {"it": "Voce", "en": "Item"},
    "col_criterion": {"it": "Criterio", "en": "Criterion"},
    "col_criterion_id": {"it": "Id criterio", "en": "Criterion id"},
    "col_metric": {"it": "Metrica", "en": "Metric"},
    "col_metric_id": {"it": "Id metrica", "en": "Metric id"},
    "col_measured_value": {"it": "Valore misurato", "en": "Measured"},
    "col_raw_value": {"it": "Valore (grezzo)", "en": "Value (raw)"},
    "col_numerator": {"it": "Numeratore", "en": "Numerator"},
    "col_denominator": {"it": "Denominatore", "en": "Denominator"},
    "col_floor": {"it": "Soglia (0 punti)", "en": "Floor (scores 0)"},
    "col_target": {"it": "Obiettivo", "en": "Target"},
    "col_unit": {"it": "Unità", "en": "Unit"},
    "col_weight": {"it": "Peso", "en": "Weight"},
    "col_score": {"it": "Punteggio", "en": "Score"},
    "col_priority": {"it": "Priorità", "en": "Priority"},
    "col_evidence": {"it": "Evidenze", "en": "Evidence"},
    "col_recommendation": {"it": "Raccomandazione", "en": "Recommendation"},
    "col_seed": {"it": "Fonte", "en": "Source"},
    "col_reference": {"it": "Dato di riferimento", "en": "Reference figure"},
    "col_measured": {"it": "Metriche misurate", "en": "Metrics measured"},
    "col_missing": {"it": "Dati mancanti", "en": "Missing inputs"},
    "col_note": {"it": "Nota", "en": "Note"},
    "col_employee_id": {"it": "Codice dipendente", "en": "Employee id"},
    "col_name": {"it": "Nome", "en": "Name"},
    "col_target_employee_id": {"it": "Codice collega", "en": "Colleague id"},
    "col_target_name": {"it": "Nome del collega", "en": "Colleague's name"},
    "col_department": {"it": "Reparto", "en": "Department"},
    "col_departments": {"it": "Reparti", "en": "Departments"},
    "col_from_department": {"it": "Dal reparto", "en": "From department"},
    "col_to_department": {"it": "Al reparto", "en": "To department"},
    "col_employees": {"it": "Dipendenti", "en": "Employees"},
    "col_active": {"it": "Attivi", "en": "Active"},
    "col_rate": {"it": "Quota", "en": "Rate"},
    "col_managers": {"it": "Manager", "en": "Managers"},
    "col_managers_active": {"it": "Manager attivi", "en": "Managers active"},
    "col_is_manager": {"it": "Manager", "en": "Manager"},
    "col_actions": {"it": "Azioni", "en": "Actions"},
    "col_posts": {"it": "Post", "en": "Posts"},
    "col_shares": {"it": "Condivisioni", "en": "Shares"},
    "col_comments": {"it": "Commenti", "en": "Comments"},
    "col_comments_replied": {"it": "Commenti con risposta", "en": "Comments answered"},
    "col_reactions": {"it": "Reazioni", "en": "Reactions"},
    "col_reach": {"it": "Copertura", "en": "Reach"},
    "col_platform": {"it": "Piattaforma", "en": "Platform"},
    "col_author": {"it": "Autore", "en": "Author"},
    "col_author_type": {"it": "Tipo di autore", "en": "Author type"},
    "col_post_id": {"it": "Id post", "en": "Post id"},
    "col_published_at": {"it": "Pubblicato il", "en": "Published"},
    "col_last_post": {"it": "Ultimo post", "en": "Last post"},
    "col_unanswered": {"it": "Senza risposta", "en": "Unanswered"},
    "col_reply_rate": {"it": "Tasso di risposta", "en": "Reply rate"},
    "col_median_response_hours": {
        "it": "Prima risposta (ore, mediana)",
        "en": "First response (hours, median)",
    },
    "col_days": {"it": "Giorni", "en": "Days"},
    "col_from": {"it": "Dal", "en": "From"},
    "col_to": {"it": "Al", "en": "To"},
    "col_n": {"it": "Interazioni", "en": "Interactions"},
    "col_known": {"it": "Noti", "en": "Known"},
    "col_trained": {"it": "Formati", "en": "Trained"},
    "col_opted_in": {"it": "Aderenti", "en": "Opted in"},
    "col_function": {"it": "Funzione", "en": "Function"},
    "col_covered": {"it": "Coperta", "en": "Covered"},
    "col_in_roster": {"it": "In anagrafica", "en": "In roster"},
    "col_matched": {"it": "Riconosciuti", "en": "Matched"},
    "ev_lowest_departments": {
        "it": "Reparti con la partecipazione più bassa",
        "en": "Departments with the lowest participation",
    },
    "ev_departments_below": {
        "it": "Reparti sotto metà della quota aziendale",
        "en": "Departments below half the company rate",
    },
    "ev_top_employees": {"it": "Dipendenti più attivi", "en": "Most active employees"},
    "ev_most_active": {"it": "I più attivi", "en": "Most active"},
    "ev_employees_doing_half": {
        "it": "Dipendenti che fanno metà delle azioni",
        "en": "Employees doing half of the actions",
    },
    "ev_employees_doing_80pct": {
        "it": "Dipendenti che fanno l'80 % delle azioni",
        "en": "Employees doing 80 % of the actions",
    },
    "ev_inactive_managers": {"it": "Manager inattivi", "en": "Inactive managers"},
    "ev_by_department": {"it": "Per reparto", "en": "By department"},
    "ev_active_without_posts": {
        "it": "Attivi senza post originali",
        "en": "Active without original posts",
    },
    "ev_with_original_posts": {"it": "Con post originali", "en": "With original posts"},
    "ev_managers_with_team": {"it": "Manager con una squadra", "en": "Managers with a team"},
    "ev_interacting_with_team": {
        "it": "Che interagiscono con la squadra",
        "en": "Interacting with their team",
    },
    "ev_not_interacting_with_team": {
        "it": "Che non interagiscono con la squadra",
        "en": "Not interacting with their team",
    },
    "ev_non_managers": {"it": "Altri dipendenti", "en": "Non-managers"},
    "ev_non_managers_active": {"it": "Altri dipendenti attivi", "en": "Non-managers active"},
    "ev_commentary_known": {
        "it": "Condivisioni con commento noto",
        "en": "Shares with commentary known",
    },
    "ev_with_commentary": {"it": "Con commento personale", "en": "With personal commentary"},
    "ev_page_followers": {"it": "Follower della pagina", "en": "Page followers"},
    "ev_employee_followers": {"it": "Follower dei dipendenti", "en": "Employees' followers"},
    "ev_with_followers_known": {
        "it": "Dipendenti con follower noti",
        "en": "Employees with followers known",
    },
    "ev_active_employees": {"it": "Dipendenti attivi", "en": "Active employees"},
    "ev_page_posts": {"it": "Post della pagina", "en": "Page posts"},
    "ev_from_page": {"it": "Dalla pagina", "en": "From the page"},
    "ev_from_employees": {"it": "Dai dipendenti", "en": "From employees"},
    "ev_measure": {"it": "Misura usata", "en": "Measure used"},
    "ev_departments_without_active": {
        "it": "Reparti senza dipendenti attivi",
        "en": "Departments with no active employee",
    },
    "ev_missing_functions": {"it": "Funzioni mancanti", "en": "Missing functions"},
    "ev_functions": {"it": "Funzioni", "en": "Functions"},
    "ev_source": {"it": "Fonte dei dati", "en": "Data source"},
    "ev_silent_platforms": {"it": "Piattaforme silenziose", "en": "Silent platforms"},
    "ev_active_platforms": {"it": "Piattaforme attive", "en": "Active platforms"},
    "ev_window": {"it": "Finestra", "en": "Window"},
    "ev_longest": {"it": "Silenzio più lungo", "en": "Longest silence"},
    "ev_silent_stretches": {"it": "Periodi di silenzio", "en": "Silent stretches"},
    "ev_silent_weeks": {"it": "Settimane senza post", "en": "Weeks without posts"},
    "ev_silent_week_count": {"it": "Settimane senza post", "en": "Weeks without posts"},
    "ev_weeks": {"it": "Settimane", "en": "Weeks"},
    "ev_mean_posts_per_week": {"it": "Post a settimana (media)", "en": "Posts per week (mean)"},
    "ev_std_posts_per_week": {
        "it": "Post a settimana (deviazione standard)",
        "en": "Posts per week (standard deviation)",
    },
    "ev_months": {"it": "Mesi", "en": "Months"},
    "ev_months_needed": {"it": "Mesi attivi richiesti", "en": "Active months needed"},
    "ev_regular": {"it": "Dipendenti regolari", "en": "Regular employees"},
    "ev_line": {"it": "Soglia", "en": "Line"},
    "ev_false": {"it": "Risposte «no»", "en": "Answered “no”"},
    "ev_not_answered": {"it": "Senza risposta", "en": "Not answered"},
    "ev_external_authors": {"it": "Autori esterni", "en": "External authors"},
    "ev_staff_posts": {"it": "Post dello staff", "en": "Staff posts"},
    "ev_agency_posts": {"it": "Post dell'agenzia", "en": "Agency posts"},
    "ev_unknown_author_posts": {
        "it": "Post di autore sconosciuto",
        "en": "Posts by unknown authors",
    },
    "ev_by_platform": {"it": "Per piattaforma", "en": "By platform"},
    "ev_most_unanswered": {
        "it": "Post con più commenti senza risposta",
        "en": "Posts with the most unanswered comments",
    },
    "ev_median_minutes": {
        "it": "Prima risposta (minuti, mediana)",
        "en": "First response (minutes, median)",
    },
    "ev_isolated_departments": {"it": "Reparti isolati", "en": "Isolated departments"},
    "ev_off_topic_left_out": {
        "it": "Azioni non legate all'azienda escluse",
        "en": "Off-topic actions left out",
    },
    "ev_managers_inferred_from_titles": {
        "it": "Manager dedotti dal ruolo",
        "en": "Managers inferred from titles",
    },
    "ev_matrix": {"it": "Matrice tra reparti", "en": "Department matrix"},
    "ev_pairs": {"it": "Coppie", "en": "Pairs"},
    "ev_one_way_pairs": {"it": "Coppie a senso unico", "en": "One-way pairs"},
    "ev_reciprocal_pairs": {"it": "Coppie reciproche", "en": "Reciprocal pairs"},
    "chart_score_axis": {"it": "punteggio (0–100)", "en": "score (0–100)"},
    "chart_no_data": {
        "it": "Nessun dato per questo grafico nel periodo",
        "en": "No data for this chart in the period",
    },
    "chart_no_interactions": {
        "it": "Nessuna interazione tra colleghi nel periodo",
        "en": "No interactions between colleagues in the period",
    },
    "chart_page_posts": {"it": "Post della pagina", "en": "Page posts"},
    "chart_employee_actions": {"it": "Azioni dei dipendenti", "en": "Employees' actions"},
    "chart_all_platforms": {"it": "Tutte", "en": "All"},
    "chart_silent_week": {"it": "nessun post", "en": "no post"},
    "chart_posts": {"it": "post", "en": "posts"},
    "chart_reply_rate": {"it": "Tasso di risposta ai commenti", "en": "Reply rate to comments"},
    "chart_response_hours": {
        "it": "Prima risposta (ore, mediana)",
        "en": "First response (hours, median)",
    },
    "chart_company": {"it": "azienda", "en": "company"},
    "chart_other_platform": {"it": "Altro", "en": "Other"},
    "chart_participation": {"it": "partecipazione", "en": "participation"},
    "chart_managers": {"it": "Manager", "en": "Managers"},
    "chart_others": {"it": "Altri dipendenti", "en": "Everyone else"},
    "chart_equal_share": {
        "it": "Attività distribuita in modo uniforme",
        "en": "Activity spread evenly",
    },
    "chart_actual_share": {"it": "Distribuzione reale", "en": "Actual spread"},
    "chart_lorenz_hover": {
        "it": "il %{x:.0f} % più attivo dei dipendenti fa il %{y:.0f} % delle azioni",
        "en": "the most active %{x:.0f} % of employees do %{y:.0f} % of the actions",
    },
    "chart_top10_note": {
        "it": "il 10 % più attivo fa il {share} % delle azioni",
        "en": "the most active 10 % do {share} % of the actions",
    },
    "chart_employees_axis": {
        "it": "dipendenti, dai più attivi",
        "en": "employees, most active first",
    },
    "chart_actions_axis": {"it": "quota delle azioni", "en": "share of actions"},
    "chart_matrix_hover": {
        "it": "%{y} → %{x}: %{customdata} interazioni",
        "en": "%{y} → %{x}: %{customdata} interactions",
    },
    "chart_interactions": {"it": "interazioni", "en": "interactions"},
    "chart_from_department": {"it": "chi interagisce", "en": "who interacts"},
    "chart_to_department": {"it": "reparto del collega", "en": "colleague's department"},
    "xlsx_summary": {"it": "Sintesi", "en": "Summary"},
    "xlsx_criteria": {"it": "Criteri", "en": "Criteria"},
    "xlsx_metrics": {"it": "Metriche", "en": "Metrics"},
    "xlsx_gaps": {"it": "Priorità", "en": "Gaps"},
    # --- saved audits and the executive view (app_pages/audits.py, executive.py, ui/saved.py) ---
    "nav_audits": {"it": "Audit salvati", "en": "Saved audits"},
    "nav_executive": {"it": "Vista direzione", "en": "Executive view"},
    "store_failed": {
        "it": "L'archivio degli audit non risponde: riprovate tra poco. L'errore è stato registrato per il supporto.",
        "en": "The audit store did not answer: try again shortly. The error was logged for support.",
    },
    "store_sign_in": {"it": "Accedi", "en": "Sign in"},
    "store_passphrase": {"it": "Passphrase", "en": "Passphrase"},
    "store_slug": {"it": "Workspace (nome breve)", "en": "Workspace (short name)"},
    "store_slug_help": {
        "it": "Compare nei link: lettere minuscole, cifre e trattini, come acme-spa.",
        "en": "It appears in links: lower-case letters, digits and hyphens, like acme-spa.",
    },
    "store_editor_passphrase": {"it": "Passphrase di chi modifica", "en": "Editor passphrase"},
    "store_editor_passphrase_help": {
        "it": "Almeno 10 caratteri, e non una password comune, un nome o una sequenza: meglio tre o quattro parole scollegate. Chi la conosce salva, modifica ed elimina gli audit.",
        "en": "At least 10 characters, and not a common password, a name or a pattern: three or four unrelated words work well. Whoever knows it saves, changes and deletes audits.",
    },
    "store_viewer_passphrase": {
        "it": "Passphrase di chi legge (facoltativa)",
        "en": "Viewer passphrase (optional)",
    },
    "store_viewer_passphrase_help": {
        "it": "Almeno 10 caratteri, e non facile da indovinare. Apre la vista direzione in sola lettura; si può impostare anche dopo.",
        "en": "At least 10 characters, and not easy to guess. It opens the executive view, read-only; it can also be set later.",
    },
    "store_role_editor": {"it": "può modificare", "en": "editor"},
    "store_role_viewer": {"it": "sola lettura", "en": "viewer"},
    "exec_sign_in": {
        "it": "Accedete con il vostro account aziendale per vedere questa vista. Dopo l'accesso riaprite il link ricevuto.",
        "en": "Sign in with your company account to see this view. After signing in, open the link you were sent again.",
    },
    "exec_denied": {
        "it": "Passphrase errata, oppure il workspace non esiste: nessun dato è mostrato. Controllate il link e la passphrase ricevuti.",
        "en": "Wrong passphrase, or no such workspace: no data is shown. Check the link and the passphrase you were given.",
    },
    "exec_passphrase_intro": {
        "it": "La vista del workspace **{workspace}** è protetta: inserite la passphrase ricevuta.",
        "en": "The view of workspace **{workspace}** is protected: enter the passphrase you were given.",
    },
    "exec_open": {"it": "Apri", "en": "Open"},
    "exec_saved_on": {"it": "salvato il {date}", "en": "saved on {date}"},
    "exec_live": {
        "it": ":material/sync: Si aggiorna da sé · ultimo controllo alle {time}",
        "en": ":material/sync: Updates by itself · last checked at {time}",
    },
    "exec_live_help": {
        "it": "Quando viene salvato un nuovo audit, questa pagina lo mostra entro pochi secondi, senza ricaricarla.",
        "en": "When a new audit is saved, this page shows it within seconds, with no reload.",
    },
    "exec_offline": {
        "it": ":material/sync_problem: L'archivio degli audit non risponde: la pagina mostra l'ultimo stato letto.",
        "en": ":material/sync_problem: The audit store does not answer: the page shows the last state read.",
    },
    "exec_no_audits": {
        "it": "Nessun audit salvato in questo workspace: salvatene uno dalla pagina Audit salvati.",
        "en": "No audit saved in this workspace yet: save one from the Saved audits page.",
    },
    "exec_index_now": {"it": "Oggi", "en": "Today"},
    "exec_first_audit": {"it": "primo audit salvato", "en": "first saved audit"},
    "exec_since": {"it": "rispetto a {period}", "en": "since {period}"},
    "exec_level": {"it": "Livello: **{level}**", "en": "Level: **{level}**"},
    "exec_level_same": {
        "it": "Livello invariato: **{level}**",
        "en": "Level unchanged: **{level}**",
    },
    "exec_level_moved": {
        "it": "Livello: **{after}** (prima: {before})",
        "en": "Level: **{after}** (was {before})",
    },
    "exec_trend": {"it": "Andamento tra gli audit", "en": "Trend across audits"},
    "exec_trend_pick": {
        "it": "Criteri da mostrare nell'andamento",
        "en": "Criteria to show in the trend",
    },
    "exec_criteria": {"it": "I dodici criteri", "en": "The twelve criteria"},
    "exec_criteria_caption": {
        "it": "Punteggio su 100 e variazione in punti rispetto all'audit precedente.",
        "en": "Score out of 100 and change in points since the previous audit.",
    },
    "exec_criteria_line": {
        "it": "La linea mostra tutti gli audit salvati.",
        "en": "The line shows every saved audit.",
    },
    "exec_new": {"it": "nuovo", "en": "new"},
    "exec_gap_values": {
        "it": "oggi {value}, obiettivo {target}",
        "en": "now {value}, target {target}",
    },
    "exec_link_hint": {
        "it": "Questa è la vista che la direzione apre dal link del workspace {workspace} (pagina Audit salvati).",
        "en": "This is the view executives open from the link of workspace {workspace} (Saved audits page).",
    },
    "chart_trend_empty": {"it": "Nessun audit salvato", "en": "No audit saved yet"},
    "chart_current_audit": {"it": "attuale", "en": "current"},
    "cmp_points_pp": {"it": "p.p.", "en": "pp"},
    "cmp_target_moved": {
        "it": "obiettivo cambiato: {before} → {after}",
        "en": "target moved: {before} → {after}",
    },
    "cmp_change_better": {"it": "migliora", "en": "better"},
    "cmp_change_worse": {"it": "peggiora", "en": "worse"},
    "cmp_change_same": {"it": "invariato", "en": "same"},
    "cmp_change_newly_measured": {"it": "misurato ora", "en": "newly measured"},
    "cmp_change_no_longer_measured": {"it": "non più misurato", "en": "no longer measured"},
    "cmp_change_not_measured": {"it": "non misurato", "en": "not measured"},
    "audits_intro": {
        "it": "Un workspace per azienda cliente; ogni audit salvato è una fotografia datata che non viene mai sovrascritta. La direzione vede l'audit attuale dal link del workspace.",
        "en": "One workspace per client company; each saved audit is a dated snapshot that is never overwritten. Executives see the current audit through the workspace's link.",
    },
    "audits_workspace": {"it": "Workspace", "en": "Workspace"},
    "audits_workspace_help": {
        "it": "I workspace aperti in questa sessione del browser. Per un altro, usate «Apri un workspace».",
        "en": "The workspaces opened in this browser session. For another one, use “Open a workspace”.",
    },
    "audits_forget": {"it": "Chiudi", "en": "Close"},
    "audits_open": {"it": "Apri un workspace", "en": "Open a workspace"},
    "audits_opened": {"it": "Aperto {name} ({role}).", "en": "Opened {name} ({role})."},
    "audits_create": {"it": "Nuovo workspace", "en": "New workspace"},
    "audits_create_button": {"it": "Crea il workspace", "en": "Create the workspace"},
    "audits_create_not_allowed": {
        "it": "Solo chi è indicato come editor di tutti i workspace può crearne di nuovi.",
        "en": "Only people listed as editors of every workspace can create new ones.",
    },
    "audits_created": {"it": "Creato il workspace {name}.", "en": "Created workspace {name}."},
    "audits_company": {"it": "Nome dell'azienda", "en": "Company name"},
    "audits_need_editor_passphrase": {
        "it": "Serve una passphrase per chi modifica: senza, nessuno potrebbe salvare audit in questo workspace dall'app.",
        "en": "An editor passphrase is needed: without one, nobody could save audits in this workspace from the app.",
    },
    "audits_passphrases": {"it": "Passphrase del workspace", "en": "Workspace passphrases"},
    "audits_protected": {"it": "protetto da passphrase", "en": "protected by a passphrase"},
    "audits_unprotected": {"it": "senza passphrase", "en": "no passphrase"},
    "audits_role": {"it": "Per chi", "en": "For"},
    "audits_new_passphrase": {"it": "Nuova passphrase", "en": "New passphrase"},
    "audits_repeat_passphrase": {"it": "Ripetete la passphrase", "en": "Repeat the passphrase"},
    "audits_set_passphrase": {"it": "Imposta", "en": "Set"},
    "audits_remove_passphrase": {"it": "Rimuovi", "en": "Remove"},
    "audits_passphrases_differ": {
        "it": "Le due passphrase non coincidono: nulla è cambiato.",
        "en": "The two passphrases differ: nothing was changed.",
    },
    "audits_passphrase_set": {
        "it": "Passphrase impostata ({role}). Chiunque altro fosse entrato in questo workspace ne è uscito e deve inserire la passphrase di nuovo.",
        "en": "Passphrase set ({role}). Everyone else who was in this workspace has been signed out and must enter a passphrase again.",
    },
    "audits_passphrase_removed": {
        "it": "Passphrase rimossa ({role}). Chiunque altro fosse entrato in questo workspace ne è uscito.",
        "en": "Passphrase removed ({role}). Everyone else who was in this workspace has been signed out.",
    },
    "audits_save": {"it": "Salva l'audit attuale", "en": "Save the current audit"},
    "audits_viewer_only": {
        "it": "Avete accesso in sola lettura: salvare e modificare gli audit spetta a chi ha la passphrase di modifica.",
        "en": "You have read-only access: saving and changing audits is for those with the editor passphrase.",
    },
    "audits_save_caption": {
        "it": "Periodo {period} · indice {score} · {files} file. L'audit conserva una copia compatta delle tabelle (nomi compresi), per poterlo ricalcolare.",
        "en": "Period {period} · index {score} · {files} files. The audit keeps a compact copy of the tables (names included), so it can be re-scored.",
    },
    "audits_name": {"it": "Nome", "en": "Name"},
    "audits_name_help": {
        "it": "Vuoto: il periodo dell'audit. I nomi possono ripetersi; il numero identifica l'audit.",
        "en": "Empty: the audit's period. Names may repeat; the number identifies the audit.",
    },
    "audits_saved_by": {"it": "Salvato da", "en": "Saved by"},
    "audits_saved_by_default": {"it": "dashboard", "en": "dashboard"},
    "audits_saved_by_placeholder": {
        "it": "il vostro nome (vuoto: «dashboard»)",
        "en": "your name (empty: “dashboard”)",
    },
    "audits_saved_at": {"it": "Salvato il", "en": "Saved at"},
    "audits_make_current": {
        "it": "Rendilo l'audit attuale",
        "en": "Make it the current audit",
    },
    "audits_make_current_help": {
        "it": "L'audit attuale è quello che la direzione vede dal link.",
        "en": "The current audit is the one executives see through the link.",
    },
    "audits_save_button": {"it": "Salva l'audit", "en": "Save the audit"},
    "audits_saving": {"it": "Salvataggio…", "en": "Saving…"},
    "audits_saved": {
        "it": "Salvato come audit n. {id} in {name}.",
        "en": "Saved as audit #{id} in {name}.",
    },
    "audits_link": {"it": "Link per la direzione", "en": "Link for executives"},
    "audits_link_caption": {
        "it": "Chi apre questo link vede solo questo workspace, in sola lettura, e l'audit attuale si aggiorna da sé.",
        "en": "Whoever opens this link sees only this workspace, read-only, and the current audit updates by itself.",
    },
    "audits_link_open": {
        "it": "Il workspace è aperto: non serve passphrase.",
        "en": "The workspace is open: no passphrase is needed.",
    },
    "audits_link_passphrase": {
        "it": "Serve la passphrase di chi legge (o di chi modifica): mandatela a parte.",
        "en": "It asks for the viewer (or editor) passphrase: send it separately.",
    },
    "audits_link_oidc": {
        "it": "Chi lo apre accede con il proprio account aziendale.",
        "en": "Whoever opens it signs in with their company account.",
    },
    "audits_link_open_here": {"it": "Apri la vista direzione", "en": "Open the executive view"},
    "audits_list": {"it": "Audit del workspace", "en": "The workspace's audits"},
    "audits_current": {"it": "Attuale", "en": "Current"},
    "audits_current_help": {
        "it": "★ l'audit che la direzione vede",
        "en": "★ the audit executives see",
    },
    "audits_pick": {"it": "Audit da modificare", "en": "Audit to change"},
    "audits_new_name": {"it": "Nuovo nome", "en": "New name"},
    "audits_rename": {"it": "Rinomina", "en": "Rename"},
    "audits_renamed": {
        "it": "Audit n. {id} rinominato «{name}».",
        "en": "Audit #{id} renamed “{name}”.",
    },
    "audits_make_current_button": {"it": "Rendi attuale", "en": "Make current"},
    "audits_made_current": {
        "it": "L'audit n. {id} è ora quello attuale.",
        "en": "Audit #{id} is now the current one.",
    },
    "audits_delete": {"it": "Elimina…", "en": "Delete…"},
    "audits_delete_title": {"it": "Eliminare l'audit n. {id}?", "en": "Delete audit #{id}?"},
    "audits_delete_intro": {
        "it": "L'audit **{name}** (n. {id}) e i suoi dati saranno eliminati per sempre. Per confermare, scrivete il suo nome o il suo numero.",
        "en": "Audit **{name}** (#{id}) and its data will be deleted for good. To confirm, type its name or its number.",
    },
    "audits_delete_type": {"it": "Nome o numero dell'audit", "en": "The audit's name or number"},
    "audits_delete_confirm": {"it": "Elimina per sempre", "en": "Delete for good"},
    "audits_cancel": {"it": "Annulla", "en": "Cancel"},
    "audits_deleted": {
        "it": "Audit n. {id} «{name}» eliminato.",
        "en": "Audit #{id} “{name}” deleted.",
    },
    "audits_compare": {"it": "Confronta due audit", "en": "Compare two audits"},
    "audits_compare_need_two": {
        "it": "Per un confronto servono almeno due audit salvati in questo workspace.",
        "en": "A comparison needs at least two audits saved in this workspace.",
    },
    "audits_compare_same": {
        "it": "Scegliete due audit diversi.",
        "en": "Choose two different audits.",
    },
    "audits_before": {"it": "Prima", "en": "Before"},
    "audits_after": {"it": "Dopo", "en": "After"},
    "audits_with_metrics": {"it": "Anche le metriche", "en": "Metrics too"},
    "audits_compare_headline": {
        "it": "**Indice complessivo** {before} → {after} (**{delta}** punti)",
        "en": "**Overall index** {before} → {after} (**{delta}** points)",
    },
    "audits_compare_counts": {
        "it": "criteri: {better} migliorano, {worse} peggiorano, {same} invariati",
        "en": "criteria: {better} better, {worse} worse, {same} unchanged",
    },
    "audits_item": {"it": "Voce", "en": "Item"},
    "audits_value_before": {"it": "Valore prima", "en": "Value before"},
    "audits_value_after": {"it": "Valore dopo", "en": "Value after"},
    "audits_value_change": {"it": "Variazione", "en": "Change in value"},
    "audits_score_before": {"it": "Punteggio prima", "en": "Score before"},
    "audits_score_after": {"it": "Punteggio dopo", "en": "Score after"},
    "audits_score_change": {"it": "Δ punteggio", "en": "Δ score"},
    "audits_score_change_help": {
        "it": "In punti su 100; positivo è sempre meglio, anche per le metriche in cui conta scendere (es. tempo di risposta).",
        "en": "In points out of 100; positive is always better, also for metrics where lower is better (e.g. response time).",
    },
    "audits_change": {"it": "Esito", "en": "Verdict"},
    "audits_note": {"it": "Nota", "en": "Note"},
    # --- access: passphrase policy, throttling, sign-in, scheduled saves, start-up (issue 16;
    # store/workspaces.py, ui/signin.py, deployment.py, app_pages/audits.py) ---
    "store_read_only": {
        "it": "Nel workspace {slug} avete accesso in sola lettura: qui non si salva né si modifica nulla.",
        "en": "You have read-only access to workspace {slug}: nothing can be saved or changed here.",
    },
    "store_weak_short": {
        "it": "La passphrase deve avere almeno {n} caratteri: nulla è cambiato.",
        "en": "A passphrase needs at least {n} characters: nothing was changed.",
    },
    "store_weak_long": {
        "it": "La passphrase può avere al massimo {n} caratteri: nulla è cambiato.",
        "en": "A passphrase can have at most {n} characters: nothing was changed.",
    },
    "store_weak_common": {
        "it": "Questa passphrase è troppo facile da indovinare (una password comune, un nome, una data o una sequenza): usate tre o quattro parole scollegate, o una frase più lunga. Nulla è cambiato.",
        "en": "This passphrase is too easy to guess (a common password, a name, a date or a pattern): use three or four unrelated words, or a longer sentence. Nothing was changed.",
    },
    "store_throttled": {
        "it": "Troppi tentativi errati: riprovate tra {seconds} secondi. Nessuna passphrase è stata controllata.",
        "en": "Too many wrong attempts: try again in {seconds} seconds. No passphrase was checked.",
    },
    "store_grant_ended": {
        "it": "Una passphrase del workspace {slug} è cambiata dopo il vostro accesso: inserite quella nuova.",
        "en": "A passphrase of workspace {slug} changed after you signed in: enter the new one.",
    },
    "store_name_taken": {
        "it": "Il nome di workspace {slug} non si può usare: sceglietene un altro.",
        "en": "The workspace name {slug} cannot be used: choose another one.",
    },
    "store_bad_slug": {
        "it": "{slug} non è un nome di workspace: usate lettere minuscole, cifre e trattini, come acme-spa.",
        "en": "{slug} is not a workspace name: use lower-case letters, digits and hyphens, like acme-spa.",
    },
    "exec_grant_ended": {
        "it": "La passphrase di questo workspace è cambiata: per continuare inserite quella nuova.",
        "en": "This workspace's passphrase changed: enter the new one to go on.",
    },
    "signin_denied": {
        "it": "Passphrase del server errata: nulla è stato caricato.",
        "en": "Wrong server passphrase: nothing was uploaded.",
    },
    "signin_intro": {
        "it": "Questo server è condiviso: per caricare file e creare workspace inserite la passphrase del server, che vi ha dato chi lo gestisce.",
        "en": "This server is shared: to upload files and create workspaces, enter the server passphrase its administrator gave you.",
    },
    "signin_oidc": {
        "it": "Accedete con il vostro account aziendale per caricare file.",
        "en": "Sign in with your company account to upload files.",
    },
    "signin_not_listed": {
        "it": "Il vostro account non è tra chi può caricare file su questo server: chiedete a chi lo gestisce di aggiungerlo agli editor.",
        "en": "Your account is not among those who may upload files to this server: ask its administrator to add it to the editors.",
    },
    "signin_before_upload": {
        "it": "Prima di caricare file serve l'accesso. I dati di esempio restano consultabili.",
        "en": "Uploading needs a sign-in first. The sample data stays open to look at.",
    },
    "deploy_no_sign_in": {
        "it": "Presenza non si avvia: ascolta su {address}, raggiungibile da altri computer, ma nessuno dovrebbe accedere prima di caricare dati. Configurate l'accesso in `.streamlit/secrets.toml` (una sezione `[auth]`, oppure `server_passphrase` nella sezione `[presenza]`: vedete il README, «Accesso»), oppure, se questa rete è fidata, impostate `{variable}=1`.",
        "en": "Presenza will not start: it listens on {address}, which other computers reach, but nobody would have to sign in before uploading data. Configure sign-in in `.streamlit/secrets.toml` (an `[auth]` section, or `server_passphrase` in the `[presenza]` section: see the README, “Access”), or, if this network is trusted, set `{variable}=1`.",
    },
    "deploy_weak_server_passphrase": {
        "it": "Presenza non si avvia: la `server_passphrase` in `.streamlit/secrets.toml` è troppo debole (servono almeno 10 caratteri, e non una password comune, un nome o una sequenza).",
        "en": "Presenza will not start: the `server_passphrase` in `.streamlit/secrets.toml` is too weak (it needs at least 10 characters, and must not be a common password, a name or a pattern).",
    },
    "audits_sample_read_only": {
        "it": "Il workspace di esempio è in sola lettura per tutti: per salvare i vostri audit create un workspace.",
        "en": "The sample workspace is read-only for everyone: create a workspace to save your own audits.",
    },
    "audits_create_needs_sign_in": {
        "it": "Su un server condiviso i workspace li crea solo chi ha effettuato l'accesso al server (vedete il README, «Accesso»).",
        "en": "On a shared server only people signed in to the server create workspaces (see the README, “Access”).",
    },
    "audits_tokens": {"it": "Salvataggi programmati", "en": "Scheduled saves"},
    "audits_tokens_caption": {
        "it": "Un job dal terminale (`python -m dashboard audit … --save {slug}`) salva in questo workspace solo con il suo token, nella variabile `PRESENZA_SAVE_TOKEN`. Il token si vede una volta sola; qui ne resta solo l'impronta.",
        "en": "A terminal job (`python -m dashboard audit … --save {slug}`) saves into this workspace only with its token, in the `PRESENZA_SAVE_TOKEN` variable. The token is shown once; only its fingerprint is kept here.",
    },
    "audits_token_none": {
        "it": "Nessun token: nessun job può salvare qui.",
        "en": "No token: no job can save here.",
    },
    "audits_token_since": {
        "it": "Un token creato il {date} è attivo.",
        "en": "A token made on {date} is active.",
    },
    "audits_token_make": {"it": "Crea un token", "en": "Make a token"},
    "audits_token_replace": {
        "it": "Sostituisci il token (il vecchio smette di funzionare)",
        "en": "Replace the token (the old one stops working)",
    },
    "audits_token_remove": {"it": "Rimuovi il token", "en": "Remove the token"},
    "audits_token_made": {
        "it": "Copiate ora il token nella configurazione del job: non verrà più mostrato.",
        "en": "Copy the token into the job's configuration now: it will not be shown again.",
    },
    "audits_token_removed": {
        "it": "Token rimosso: nessun job può più salvare in questo workspace.",
        "en": "Token removed: no job can save into this workspace any more.",
    },
    "ui_download_table": {"it": "Scarica CSV", "en": "Download CSV"},
    "ui_download_table_help": {
        "it": "Le celle che un foglio di calcolo leggerebbe come formula (=, +, -, @) sono salvate come testo.",
        "en": "Cells a spreadsheet would read as a formula (=, +, -, @) are saved as text.",
    },
    # --- the Report control and the brand (dashboard/ui/report.py; the deliverables'
    # own words are in dashboard/report/texts.py) ---
    "report_title": {"it": "Report per il cliente", "en": "Client report"},
    "audits_report_pick": {
        "it": "Audit da consegnare al cliente",
        "en": "Audit to hand to the client",
    },
    "ui_sample_company": {"it": "Gruppo Aurora (esempio)", "en": "Gruppo Aurora (sample)"},
    "report_caption": {
        "it": "Una presentazione PowerPoint modificabile, un PDF o una cartella Excel per gli analisti, con il marchio del cliente.",
        "en": "An editable PowerPoint, a PDF or an Excel workbook for analysts, with the client's brand.",
    },
    "report_format": {"it": "Formato", "en": "Format"},
    "report_language": {"it": "Lingua del report", "en": "Report language"},
    "report_names_help": {
        "it": "Spento: i dipendenti compaiono con codici pseudonimi. Acceso: con i nomi dell'anagrafica, e la copertina lo dice.",
        "en": "Off: employees appear as pseudonymous ids. On: with their names from the roster, and the cover says so.",
    },
    "report_prepare": {"it": "Prepara il report", "en": "Prepare the report"},
    "report_collecting": {"it": "Raccolta dei numeri…", "en": "Collecting the numbers…"},
    "report_drawing": {"it": "Impaginazione e grafici…", "en": "Laying out pages and charts…"},
    "report_ready": {"it": "Pronto", "en": "Ready"},
    "report_download": {"it": "Scarica {name}", "en": "Download {name}"},
    "brand_title": {"it": "Marchio dei report", "en": "Report brand"},
    "brand_caption": {
        "it": "Nome del cliente, colore principale e logo che i report di questo spazio di lavoro riportano.",
        "en": "The client's name, primary colour and logo that this workspace's reports carry.",
    },
    "brand_client": {"it": "Nome del cliente", "en": "Client's name"},
    "brand_color": {"it": "Colore principale", "en": "Primary colour"},
    "brand_logo": {"it": "Logo (PNG o SVG, fino a 1 MB)", "en": "Logo (PNG or SVG, up to 1 MB)"},
    "brand_logo_help": {
        "it": "Un SVG viene convertito in PNG: non viene mai conservato né incorporato così com'è.",
        "en": "An SVG is turned into a PNG: it is never kept or embedded as it is.",
    },
    "brand_logo_remove": {"it": "Togli il logo", "en": "Remove the logo"},
    "brand_save": {"it": "Salva il marchio", "en": "Save the brand"},
    "brand_saved": {"it": "Marchio salvato.", "en": "Brand saved."},
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for `key` in `lang`, with {placeholders} filled."""
    return TEXTS[key][lang].format(**values)


def number(value: float, lang: Lang, decimals: int = 0) -> str:
    """1234.5 → '1,234.5' (en) or '1.234,5' (it)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".") if lang == "it" else text


def format_value(value: float | None, unit: str, lang: Lang) -> str:
    """A metric value as people read it: rates in %, ratios as ×, days and hours with units."""
    if value is None:
        return "—"
    if unit == "rate":
        return f"{number(value * 100, lang)} %"
    if unit == "ratio":
        return f"{number(value, lang, 1)}×"
    if unit == "days":
        return f"{number(value, lang)} {t('days', lang)}"
    if unit == "hours":
        return f"{number(value, lang, 1)} {t('hours', lang)}"
    return number(value, lang, 2)


# --- the engine's own words ---------------------------------------------------------------
#
# The engine (criteria, loader) writes its reasons and notes in English: the JSON output,
# the CLI's English report and the tests read them as they are. The views show them in
# the reader's language through `engine_text`, which renders every English phrase the
# engine writes in Italian. Column and table names (`company_posts.author`, `roster`) are
# identifiers and stay as they are. A phrase with no Italian rendering is shown in English
# (tests/test_engine_text.py fails when a criterion writes one).

ENGINE_IT: dict[str, str] = {
    # criteria: why a metric is not measured (Measure.missing)
    "nothing to count in the period": "niente da contare nel periodo",
    "no employee in the roster was employed in the period": (
        "nessun dipendente dell'anagrafica era in forza nel periodo"
    ),
    "no managers among the employees counted": "nessun manager tra i dipendenti considerati",
    "employee_activity (the summary has no months)": (
        "employee_activity (il riepilogo non ha i mesi)"
    ),
    "no employee actions in the period": "nessuna azione dei dipendenti nel periodo",
    "no non-managers among the employees counted": (
        "nessun dipendente non manager tra i dipendenti considerati"
    ),
    "no non-manager was active in the period": (
        "nessun dipendente non manager è stato attivo nel periodo"
    ),
    "no manager has a direct report among the employees counted": (
        "nessun manager ha collaboratori diretti tra i dipendenti considerati"
    ),
    "no company-related shares (with commentary known) in the period": (
        "nessuna condivisione legata all'azienda (con commento noto) nel periodo"
    ),
    "no company-related posts, shares or comments by employees in the period": (
        "nessun post, condivisione o commento dei dipendenti legato all'azienda nel periodo"
    ),
    "the company pages have 0 followers in questionnaire [followers]": (
        "le pagine aziendali hanno 0 follower nel questionario [followers]"
    ),
    "no page posts with labels in the period": "nessun post della pagina con etichette nel periodo",
    "company_posts in the period (no page post between its start and end)": (
        "company_posts nel periodo (nessun post della pagina tra il primo e l'ultimo giorno)"
    ),
    "company_posts.author (matched to the roster) or company_posts.author_type": (
        "company_posts.author (abbinato all'anagrafica) o company_posts.author_type"
    ),
    "no comment on the page's posts was answered in the period": (
        "nessun commento ai post della pagina ha avuto risposta nel periodo"
    ),
    "no page post in the period (weekly posts average 0)": (
        "nessun post della pagina nel periodo (media settimanale 0)"
    ),
    "no comment on the page's posts in the period": "nessun commento ai post della pagina nel periodo",
    "no page post with reactions and comments or shares in the period": (
        "nessun post della pagina con reazioni e con commenti o condivisioni nel periodo"
    ),
    "expected platforms (settings, or [platforms] expected in the questionnaire)": (
        "piattaforme attese (impostazioni, o [platforms] expected nel questionario)"
    ),
    "no interactions between colleagues in the period": "nessuna interazione tra colleghi nel periodo",
    "fewer than 2 departments among the employees counted": (
        "meno di 2 reparti tra i dipendenti considerati"
    ),
    # criteria: how a metric was measured (Measure.note)
    "impressions used (reach missing)": "usate le impressioni (manca la copertura)",
    "network size = potential reach, not impressions": (
        "dimensione della rete = copertura potenziale, non impressioni"
    ),
    "page post labels used (no roster)": (
        "usate le etichette dei post della pagina (manca l'anagrafica)"
    ),
    "page post labels used (no employee activity)": (
        "usate le etichette dei post della pagina (manca l'attività dei dipendenti)"
    ),
    "from post text (no labels)": "dal testo dei post (mancano le etichette)",
    "no page post in the period: the whole period is silent": (
        "nessun post della pagina nel periodo: tutto il periodo è silenzioso"
    ),
    # criteria: evidence values that are words, not data
    "active departments": "reparti attivi",
    "page post labels": "etichette dei post della pagina",
    "(no author)": "(nessun autore)",
    # the loader: what a cell should look like (Plan.expected) and its messages
    "a whole number ≥ 0": "un numero intero ≥ 0",
    "a number ≥ 0": "un numero ≥ 0",
    "a number ≥ 0 with decimal comma": "un numero ≥ 0 con la virgola decimale",
    "a date": "una data",
    "true/false, sì/no, yes/no, 1/0 or x": "true/false, sì/no, yes/no, 1/0 o x",
    "a value": "un valore",
    "every sheet of the workbook is empty": "tutti i fogli della cartella di lavoro sono vuoti",
    "the employee's name in the file name, or an employee chosen in the app": (
        "il nome del dipendente nel nome del file, o un dipendente scelto nell'app"
    ),
    "a LinkedIn creator export does not say whose it is: choose the employee": (
        "un'esportazione delle statistiche LinkedIn personali non dice di chi è: "
        "scegliete il dipendente"
    ),
    "the file is a table, not a questionnaire (TOML or JSON)": (
        "il file è una tabella, non un questionario (TOML o JSON)"
    ),
    "agencies must be a list of names": "agencies deve essere un elenco di nomi",
    "the questionnaire must be a table of answers, not a list": (
        "il questionario deve essere una tabella di risposte, non un elenco"
    ),
    "platforms.expected must be a list of platform names": (
        "platforms.expected deve essere un elenco di nomi di piattaforme"
    ),
    "the file is not UTF-8: it was read as Windows-1252 (check accented letters)": (
        "il file non è in UTF-8: è stato letto come Windows-1252 (controllate le lettere accentate)"
    ),
    "its sector chain loops back on itself (a damaged or hostile .xls)": (
        "la sua catena di settori torna su sé stessa (un .xls danneggiato o ostile)"
    ),
    "the workbook is truncated or damaged (a sector lies outside it)": (
        "la cartella di lavoro è troncata o danneggiata (un settore cade fuori dal file)"
    ),
    "the workbook is truncated (shorter than its header)": (
        "la cartella di lavoro è troncata (più corta della sua intestazione)"
    ),
    "the workbook's header is damaged": "l'intestazione della cartella di lavoro è danneggiata",
    "opening it needed more memory than a workbook is allowed": (
        "aprirla richiedeva più memoria di quanta una cartella di lavoro possa usare"
    ),
    "the workbook reader gave no readable answer": (
        "il lettore della cartella di lavoro non ha dato una risposta leggibile"
    ),
    "platforms.expected must be a list": "platforms.expected deve essere un elenco",
    # the loader: the labels of values an export implies (the load report's column)
    "employee (from the file name)": "dipendente (dal nome del file)",
    "employee (chosen in the app)": "dipendente (scelto nell'app)",
    "action (a published post)": "azione (un post pubblicato)",
    "platform (LinkedIn export)": "piattaforma (esportazione LinkedIn)",
    "platform (LinkedIn page export)": "piattaforma (esportazione della pagina LinkedIn)",
    "platform (X export)": "piattaforma (esportazione X)",
    "company_related (assumed)": "company_related (presunto)",
}

# How a date column was read, inside the loader's date notes.
_READINGS_IT = {
    "day-first (DD/MM/YYYY)": "giorno-mese (GG/MM/AAAA)",
    "month-first (MM/DD/YYYY)": "mese-giorno (MM/GG/AAAA)",
}

_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?")


def _count_it(text: str) -> str:
    """A count the engine wrote the English way (1,234) written the Italian way (1.234)."""
    return text.replace(",", ".")


def _rows_copied(m: re.Match[str]) -> str:
    n = _count_it(m["n"])
    if n == "1":
        return "1 riga era la copia esatta di una riga precedente ed è stata contata una volta"
    return f"{n} righe erano copie esatte di una riga precedente e sono state contate una volta"


def _reading(m: re.Match[str], template: str) -> str | None:
    reading = _READINGS_IT.get(m["reading"])
    return template.format(reading=reading) if reading else None


# (pattern, Italian) for phrases with a value inside. A template's {names} are the
# pattern's groups; groups named `part*` are engine phrases themselves, rendered in turn.
_PATTERNS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"questionnaire \[(?P<section>\w+)\]"), "questionario [{section}]"),
    (
        re.compile(r"managers inferred from titles: (?P<n>[\w,.]+)"),
        lambda m: f"manager dedotti dal ruolo: {_count_it(m['n'])}",
    ),
    (
        re.compile(r"no (?P<column>\w+) of page posts in the period"),
        "nessun valore di {column} nei post della pagina nel periodo",
    ),
    (
        re.compile(r"no employee counted has (?P<column>[\w.]+) filled in"),
        "nessun dipendente considerato ha {column} compilato",
    ),
    (re.compile(r"(?P<part>.+) on the same posts"), "{part} sugli stessi post"),
    (re.compile(r"a date like (?P<example>.+)"), "una data come {example}"),
    (re.compile(r"one of (?P<choices>.+)"), "uno tra {choices}"),
    (re.compile(r"one column for (?P<column>.+)"), "una sola colonna per {column}"),
    (re.compile(r"a column named (?P<names>.+)"), "una colonna chiamata {names}"),
    (
        re.compile(r"(?P<n>[\d,]+) more rows with (?P<code>\w+) in (?P<column>.+) are not listed"),
        lambda m: (
            f"altre {_count_it(m['n'])} righe con {m['code']} in {m['column']} non sono elencate"
        ),
    ),
    (
        re.compile(r"(?P<n>[\d,]+) rows were exact copies of an earlier row and were counted once"),
        _rows_copied,
    ),
    (
        re.compile(r"dates could be day-first or month-first; read as (?P<reading>.+)"),
        lambda m: _reading(m, "le date si leggono giorno-mese o mese-giorno; lette come {reading}"),
    ),
    (
        re.compile(
            r"every date reads both ways; read as (?P<reading>.+), as this export writes them"
        ),
        lambda m: _reading(
            m,
            "ogni data si legge nei due modi; lette come {reading}, come le scrive questa "
            "esportazione",
        ),
    ),
    (
        re.compile(r"the file could not be read: (?P<detail>.*)"),
        "il file non è leggibile: {detail}",
    ),
    (
        re.compile(
            r"columns of a known table; closest is (?P<table>\w+), which needs (?P<needs>.+)"
        ),
        lambda m: (
            f"le colonne di una tabella nota; la più vicina è {m['table']}, che richiede "
            + m["needs"].replace(" (or ", " (o ")
        ),
    ),
    (
        re.compile(r"rows have (?P<n>\d+) fields, the header has (?P<h>\d+)"),
        "le righe hanno {n} campi, l'intestazione ne ha {h}",
    ),
    (
        re.compile(r"(?P<n>\d+) fields where the header has (?P<h>\d+)"),
        "{n} campi dove l'intestazione ne ha {h}",
    ),
    (re.compile(r"sheet (?P<sheet>'.*'|\".*\") is empty"), "il foglio {sheet} è vuoto"),
    (
        re.compile(r"sheet (?P<sheet>'.*'|\".*\") lists no posts"),
        "il foglio {sheet} non elenca alcun post",
    ),
    (re.compile(r"not a (?P<format>\w+) export"), "non è un'esportazione {format}"),
    (re.compile(r"syntax error: (?P<detail>.*)"), "errore di sintassi: {detail}"),
    (
        re.compile(
            r"unknown key (?P<key>.+?)(?P<hint> \(did you mean .+\?\))?; valid: (?P<valid>.+)"
        ),
        lambda m: (
            f"chiave sconosciuta {m['key']}"
            + (m["hint"].replace("did you mean", "forse") if m["hint"] else "")
            + f"; valide: {m['valid']}"
        ),
    ),
    (
        re.compile(r"governance\.(?P<key>\w+) must be true or false, not (?P<value>.+)"),
        "governance.{key} deve essere true o false, non {value}",
    ),
    (
        re.compile(
            r"governance\.policy_updated must be a date like (?P<example>\S+), not (?P<value>.+)"
        ),
        "governance.policy_updated deve essere una data come {example}, non {value}",
    ),
    (
        re.compile(r"followers\.(?P<platform>\S+) must be a whole number ≥ 0"),
        "followers.{platform} deve essere un numero intero ≥ 0",
    ),
    # Issue 10: file shapes, limits and refusals (dashboard/ingest, questionnaire, settings).
    (
        re.compile(r"followers\.(?P<platform>\S+) must be a whole number from 0 to (?P<n>\S+)"),
        "followers.{platform} deve essere un numero intero da 0 a {n}",
    ),
    (
        re.compile(
            r"governance\.policy_updated must be between (?P<a>\S+) and (?P<b>\S+), not (?P<v>.+)"
        ),
        "governance.policy_updated deve essere tra {a} e {b}, non {v}",
    ),
    (
        re.compile(r"(?P<key>\w+) must be a table of answers \(.*\), not (?P<kind>\w+)"),
        "{key} deve essere una tabella di risposte ([{key}] con una chiave = valore per riga), non {kind}",
    ),
    (
        re.compile(r"(?P<key>\w+) must be a table \(\[.*\] …\), not (?P<kind>\w+)"),
        "{key} deve essere una tabella ([{key}] …), non {kind}",
    ),
    (
        re.compile(r"criteria\.(?P<id>\w+) must be a table: (?P<example>.+)"),
        "criteria.{id} deve essere una tabella: {example}",
    ),
    (
        re.compile(r"(?P<where>\S+) must be a finite number, not (?P<value>.+)"),
        "{where} deve essere un numero finito, non {value}",
    ),
    (
        re.compile(r"(?P<where>\S+) must be a number ≥ 0 and ≤ (?P<max>\S+), not (?P<value>.+)"),
        "{where} deve essere un numero ≥ 0 e ≤ {max}, non {value}",
    ),
    (
        re.compile(r"(?P<where>\S+) must be between (?P<a>\S+) and (?P<b>\S+)"),
        "{where} deve essere tra {a} e {b}",
    ),
    (re.compile(r"(?P<n>\d+) fields"), "{n} campi"),
    (
        re.compile(r"(?P<n>[\d,]+) more rows with (?P<code>\w+) are not listed"),
        lambda m: f"altre {_count_it(m['n'])} righe con {m['code']} non sono elencate",
    ),
    (
        re.compile(r"sheet (?P<sheet>'.*'|\".*\") holds (?P<table>\w+) and was not read: .*"),
        "il foglio {sheet} contiene {table} e non è stato letto: caricatelo come file a sé",
    ),
    (
        re.compile(
            r"a different file named (?P<file>.+) was already loaded: both are kept, "
            r"this one as (?P<name>.+); remove the one you do not want"
        ),
        "era già stato caricato un altro file di nome {file}: li teniamo entrambi, questo come "
        "{name}; togliete quello che non vi serve",
    ),
    (
        re.compile(r"columns matched by the mapping saved for this header: (?P<pairs>.*)"),
        "colonne abbinate con l'abbinamento salvato per questa intestazione: {pairs}",
    ),
    (
        re.compile(
            r"its sheets declare (?P<n>[\d,]+) cells; at most (?P<max>[\d,]+) are read (?P<var>.*)"
        ),
        "i suoi fogli dichiarano {n} celle; se ne leggono al massimo {max} {var}",
    ),
    (
        re.compile(r"it unpacks to (?P<size>.+); workbooks up to (?P<max>.+) are read (?P<var>.*)"),
        "scompattata occupa {size}; si leggono cartelle fino a {max} {var}",
    ),
    (
        re.compile(
            r"its part (?P<entry>\S+) unpacks (?P<n>[\d,]+) times larger than it is stored, as a zip bomb does"
        ),
        "la sua parte {entry} scompattata è {n} volte più grande, come in una «zip bomb»",
    ),
    (
        re.compile(
            r"opening it needed more memory or time than a workbook is allowed \(the reader stopped with code (?P<code>-?\d+)\); save it again from Excel, or export it as CSV"
        ),
        "aprirla richiedeva più memoria o tempo di quanto una cartella di lavoro possa usare "
        "(il lettore si è fermato con codice {code}); salvatela di nuovo da Excel o esportatela in CSV",
    ),
    (
        re.compile(r"opening the workbook took longer than (?P<n>[\d,]+) s (?P<var>.*)"),
        "aprire la cartella di lavoro ha richiesto più di {n} s {var}",
    ),
    (
        re.compile(r"the workbook is damaged \((?P<detail>.*)\)"),
        "la cartella di lavoro è danneggiata ({detail})",
    ),
    (
        re.compile(r"the part (?P<entry>\S+) is damaged \((?P<detail>.*)\)"),
        "la parte {entry} è danneggiata ({detail})",
    ),
]


def _split_top(text: str, separator: str) -> list[str]:
    """`text` split at `separator` wherever it is outside parentheses and brackets."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and text.startswith(separator, i):
            parts.append(text[start:i])
            i = start = i + len(separator)
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _italian(text: str) -> str | None:
    """The Italian of one engine phrase (None when there is none)."""
    if text in ENGINE_IT:
        return ENGINE_IT[text]
    if _IDENTIFIER.fullmatch(text):
        return text
    if not _REASONS_IT:
        _load_reasons()
    if text in _REASONS_IT:
        return _REASONS_IT[text]
    for pattern, template in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        if callable(template):
            return template(m)
        values = m.groupdict(default="")
        for name, value in values.items():
            if name.startswith("part"):
                rendered = _italian(value)
                if rendered is None:
                    return None
                values[name] = rendered
        return template.format(**values)
    # Reasons joined by the engine: "A and B", "A or B", "A, or B", "A (or B)".
    for separator, joint in ((", or ", ", o "), (" and ", " e "), (" or ", " o ")):
        parts = _split_top(text, separator)
        if len(parts) > 1:
            rendered = [_italian(p) for p in parts]
            return None if None in rendered else joint.join(rendered)  # type: ignore[arg-type]
    alternative = re.fullmatch(r"(?P<a>.+) \(or (?P<b>[^()]+)\)", text)
    if alternative:
        a, b = _italian(alternative["a"]), _italian(alternative["b"])
        return None if a is None or b is None else f"{a} (o {b})"
    return None


_REASONS_IT: dict[str, str] = {}


def _load_reasons() -> None:
    """The load report's default advice per reason code, keyed by its English text."""
    from dashboard.ingest.problems import REASONS

    for code, english in REASONS.items():
        key = f"reason_{code}"
        if key in TEXTS:
            _REASONS_IT[english] = TEXTS[key]["it"]


def engine_text(text: str | None, lang: Lang) -> str:
    """An English phrase the engine wrote (a reason, a note, a load-report message), in `lang`.

    Identifiers stay as they are; a phrase with no rendering is shown as written.
    """
    if not text:
        return ""
    if lang != "it":
        return text
    return _italian(text) or text


def has_italian(text: str) -> bool:
    """True when `text` has an Italian rendering (identifiers alone count as rendered)."""
    return _italian(text) is not None
