"""Texts in Italian and English, and numbers formatted the way each language writes them.

Every label, sentence and level name the CLI, the dashboard and the reports show
comes from here (criterion and metric texts come from the registry). Keys are
stable; a missing key is a programming error and fails loudly in tests.
"""

from __future__ import annotations

from typing import Literal

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
    # --- the app: navigation, pages, charts, downloads (dashboard/app.py, ui/, charts.py) ---
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
    "ui_file_loaded": {
        "it": "{file}: caricato come {kind}, {rows} righe.",
        "en": "{file}: loaded as {kind}, {rows} rows.",
    },
    "ui_file_failed": {
        "it": "{file}: non caricato. Il motivo è nel rapporto di caricamento qui sotto.",
        "en": "{file}: not loaded. The reason is in the load report below.",
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
    "format_linkedin_creator": {"it": "LinkedIn, statistiche del profilo", "en": "LinkedIn creator analytics"},
    "format_linkedin_page_content": {"it": "LinkedIn, contenuti della pagina", "en": "LinkedIn page content"},
    "format_meta_posts": {"it": "Meta (Facebook, Instagram), post", "en": "Meta (Facebook, Instagram) posts"},
    "format_x_content": {"it": "X, contenuti", "en": "X content"},
    "format_x_tweet_activity": {"it": "X, attività dei tweet", "en": "X tweet activity"},
    "format_advocacy_users": {"it": "piattaforma di advocacy, utenti", "en": "advocacy tool, users"},
    "ui_choose": {"it": "Scegliete", "en": "Choose"},
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
        "it": "Le colonne non corrispondono a nessuna tabella nota: rinominate le colonne o indicate che file è.",
        "en": "The columns do not match any known table: rename the columns or say what the file is.",
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
