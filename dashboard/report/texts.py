"""Every text of the consultant deliverables (PPTX, PDF, XLSX), in Italian and English.

One place for the deliverables' words, apart from the app's (`dashboard.i18n`), so the
reshaping into per-language catalogs can move them in one piece. Criterion and metric
texts come from the registry, citations from `citations.toml`.
"""

from __future__ import annotations

from dashboard.i18n import Lang

REPORT_TEXTS: dict[str, dict[str, str]] = {
    # --- the cover ---
    "title": {"it": "Audit della presenza social", "en": "Social presence audit"},
    "subtitle": {
        "it": "Come l'azienda usa i social media, misurato su dodici criteri",
        "en": "How the company uses social media, measured against twelve criteria",
    },
    "client_unnamed": {"it": "Cliente", "en": "Client"},
    "period": {"it": "Periodo", "en": "Period"},
    "date": {"it": "Data", "en": "Date"},
    "author": {"it": "A cura di", "en": "Prepared by"},
    "author_default": {"it": "Presenza", "en": "Presenza"},
    "names_off": {
        "it": "I dipendenti compaiono con codici pseudonimi, senza nomi.",
        "en": "Employees appear as pseudonymous ids, without names.",
    },
    "names_on": {
        "it": "Questo documento contiene i nomi dei dipendenti: dati personali, da non diffondere.",
        "en": "This document contains employees' names: personal data, not to be circulated.",
    },
    # --- the summary ---
    "summary": {"it": "Sintesi", "en": "Executive summary"},
    "overall": {"it": "Indice complessivo", "en": "Overall index"},
    "level": {"it": "Livello di maturità", "en": "Maturity level"},
    "weakest_link": {
        "it": "livello limitato dal criterio più debole",
        "en": "level capped by the weakest criterion",
    },
    "not_measured": {"it": "non misurato", "en": "not measured"},
    "measured": {
        "it": "{measured} criteri misurati su {total}",
        "en": "{measured} of {total} criteria measured",
    },
    "change": {
        "it": "{delta} punti rispetto all'audit precedente ({previous})",
        "en": "{delta} points since the previous audit ({previous})",
    },
    "no_previous": {
        "it": "Primo audit: nessun confronto con un audit precedente.",
        "en": "First audit: no previous audit to compare with.",
    },
    "top_gaps": {"it": "Le cinque priorità", "en": "The top five gaps"},
    "gap_sentence": {
        "it": "{criterion} — {metric}: {value} contro un obiettivo di {target}.",
        "en": "{criterion} — {metric}: {value} against a target of {target}.",
    },
    "no_gaps": {
        "it": "Nessuna lacuna: ogni metrica misurata raggiunge l'obiettivo.",
        "en": "No gaps: every measured metric meets its target.",
    },
    # --- the criteria ---
    "criteria": {"it": "I dodici criteri", "en": "The twelve criteria"},
    "criteria_chart": {"it": "Punteggio per criterio (0–100)", "en": "Score by criterion (0–100)"},
    "this_audit": {"it": "Questo audit", "en": "This audit"},
    "previous_audit": {"it": "Audit precedente", "en": "Previous audit"},
    "score": {"it": "Punteggio", "en": "Score"},
    "weight": {"it": "Peso", "en": "Weight"},
    "metrics_in_period": {"it": "Le metriche, {period}", "en": "The metrics, {period}"},
    "evidence": {"it": "Evidenze", "en": "Evidence"},
    "recommendation": {"it": "Raccomandazione", "en": "Recommendation"},
    "more_recommendations": {
        "it": "Altre raccomandazioni nelle note e nel PDF: {metrics}.",
        "en": "More recommendations in the notes and the PDF: {metrics}.",
    },
    "criterion_met": {
        "it": "Ogni metrica misurata raggiunge l'obiettivo.",
        "en": "Every measured metric meets its target.",
    },
    "criterion_not_measured": {
        "it": "Non misurato: mancano {missing}.",
        "en": "Not measured: missing {missing}.",
    },
    "argument": {"it": "L'argomento", "en": "The argument"},
    "source": {"it": "Fonte", "en": "Source"},
    "reference": {"it": "Dato di riferimento", "en": "Reference figure"},
    "chart_metric_scores": {
        "it": "Punteggio delle metriche (0–100)",
        "en": "Metric scores (0–100)",
    },
    "chart_shown": {"it": "{shown} di {total} mostrati", "en": "{shown} of {total} shown"},
    # breakdown titles and series (keys from dashboard.breakdowns)
    "bd_departments": {"it": "Per reparto", "en": "By department"},
    "bd_months": {"it": "Per mese", "en": "By month"},
    "bd_platforms": {"it": "Per piattaforma", "en": "By platform"},
    "bd_participation": {"it": "Dipendenti attivi", "en": "Employees active"},
    "bd_manager_participation": {"it": "Manager attivi", "en": "Managers active"},
    "bd_cross_interactions": {
        "it": "Interazioni con altri reparti",
        "en": "Interactions with other departments",
    },
    "bd_employee_actions": {"it": "Azioni dei dipendenti", "en": "Employees' actions"},
    "bd_page_posts": {"it": "Post della pagina", "en": "Page posts"},
    "bd_reply_rate": {"it": "Tasso di risposta", "en": "Reply rate"},
    # --- gaps ---
    "gaps": {"it": "Cosa migliorare, in ordine di priorità", "en": "What to fix, by priority"},
    "gaps_continued": {"it": "Priorità (segue)", "en": "Priorities (continued)"},
    "col_rank": {"it": "#", "en": "#"},
    "col_criterion": {"it": "Criterio", "en": "Criterion"},
    "col_metric": {"it": "Metrica", "en": "Metric"},
    "col_value": {"it": "Valore", "en": "Value"},
    "col_target": {"it": "Obiettivo", "en": "Target"},
    "col_priority": {"it": "Priorità", "en": "Priority"},
    "col_score": {"it": "Punteggio", "en": "Score"},
    "col_weight": {"it": "Peso", "en": "Weight"},
    "col_floor": {"it": "Soglia minima", "en": "Floor"},
    "col_numerator": {"it": "Numeratore", "en": "Numerator"},
    "col_denominator": {"it": "Denominatore", "en": "Denominator"},
    "col_unit": {"it": "Unità", "en": "Unit"},
    "col_status": {"it": "Stato", "en": "Status"},
    "col_sentence": {"it": "In una frase", "en": "In a sentence"},
    "col_recommendation": {"it": "Raccomandazione", "en": "Recommendation"},
    "col_evidence": {"it": "Evidenze", "en": "Evidence"},
    "col_source": {"it": "Fonte", "en": "Source"},
    "col_reference": {"it": "Dato di riferimento", "en": "Reference figure"},
    "col_missing": {"it": "Cosa manca", "en": "What is missing"},
    "col_metrics_measured": {"it": "Metriche misurate", "en": "Metrics measured"},
    "col_item": {"it": "Voce", "en": "Item"},
    "col_detail": {"it": "Dettaglio", "en": "Detail"},
    "col_file": {"it": "File", "en": "File"},
    "col_format": {"it": "Formato", "en": "Format"},
    "col_table": {"it": "Tabella", "en": "Table"},
    "col_period": {"it": "Periodo coperto", "en": "Period covered"},
    "col_rows_loaded": {"it": "Righe caricate", "en": "Rows loaded"},
    "col_rows_rejected": {"it": "Righe scartate", "en": "Rows rejected"},
    "col_name": {"it": "Nome", "en": "Name"},
    "status_met": {"it": "obiettivo raggiunto", "en": "target met"},
    "status_gap": {"it": "sotto l'obiettivo", "en": "below target"},
    "status_not_measured": {"it": "non misurato", "en": "not measured"},
    # --- method and sources ---
    "method": {"it": "Metodo e fonti dei dati", "en": "Method and data sources"},
    "method_scoring": {
        "it": "Ogni metrica vale da 0 (soglia minima) a 100 (obiettivo), in modo lineare; un criterio è la media pesata delle sue metriche misurate, l'indice complessivo la media pesata dei criteri misurati. Una metrica senza dati è «non misurata», mai 0.",
        "en": "Each metric scores from 0 (its floor) to 100 (its target), linearly; a criterion is the weighted mean of its measured metrics, the overall index the weighted mean of the measured criteria. A metric without data is 'not measured', never 0.",
    },
    "method_levels": {
        "it": "Livelli: 0–20 Assente, 20–40 Sperimentale, 40–60 Strutturata, 60–80 Integrata, 80–100 Social business. Una lacuna è una metrica sotto l'obiettivo; la priorità è peso del criterio × peso della metrica × (100 − punteggio).",
        "en": "Levels: 0–20 Absent, 20–40 Experimenting, 40–60 Structured, 60–80 Integrated, 80–100 Social business. A gap is a metric below its target; its priority is criterion weight × metric weight × (100 − score).",
    },
    "method_files": {"it": "I file analizzati", "en": "The files analysed"},
    "no_files": {"it": "Nessun file registrato.", "en": "No files recorded."},
    "sources": {"it": "Fonti citate", "en": "Sources cited"},
    "sources_intro": {
        "it": "Gli argomenti vengono da cinque articoli italiani sul social business; i dati di riferimento sono pubblici, spesso datati e di fornitori: vanno letti con la loro fonte e il loro anno.",
        "en": "The arguments come from five Italian articles on social business; the reference figures are public, often old and from vendors: read them with their source and year.",
    },
    "contents": {"it": "Indice", "en": "Contents"},
    "page": {"it": "Pagina", "en": "Page"},
    "of": {"it": "di", "en": "of"},
    # --- workbook sheets ---
    "sheet_overview": {"it": "Sintesi", "en": "Overview"},
    "sheet_criteria": {"it": "Criteri", "en": "Criteria"},
    "sheet_metrics": {"it": "Metriche", "en": "Metrics"},
    "sheet_gaps": {"it": "Priorità", "en": "Gaps"},
    "sheet_evidence": {"it": "Evidenze", "en": "Evidence"},
    "sheet_inputs": {"it": "File analizzati", "en": "Inputs"},
    "privacy": {"it": "Riservatezza", "en": "Privacy"},
    "client": {"it": "Cliente", "en": "Client"},
    # --- speaker notes ---
    "notes_cover": {
        "it": "Copertina: audit della presenza social di {client}, periodo {period}. {privacy}",
        "en": "Cover: social presence audit of {client}, period {period}. {privacy}",
    },
    "notes_summary": {
        "it": "La sintesi: indice complessivo {score}, livello {level}; {measured}. {change} Poi le cinque lacune con la priorità più alta, una frase ciascuna.",
        "en": "The summary: overall index {score}, level {level}; {measured}. {change} Then the five gaps with the highest priority, one sentence each.",
    },
    "notes_criteria": {
        "it": "Il punteggio da 0 a 100 di ciascuno dei dodici criteri{previous}. Il grafico è modificabile: i dati sono nel foglio incorporato. I criteri senza barra non sono stati misurati.",
        "en": "Each of the twelve criteria scored 0 to 100{previous}. The chart is editable: its data sits in the embedded workbook. Criteria without a bar were not measured.",
    },
    "notes_criteria_previous": {
        "it": ", accanto all'audit precedente",
        "en": ", beside the previous audit",
    },
    "notes_criterion": {
        "it": "{criterion}: punteggio {score}. Le metriche in frasi, con numeratore, denominatore e periodo; il grafico mostra {chart}. {recommendations}",
        "en": "{criterion}: score {score}. The metrics as sentences, with numerator, denominator and period; the chart shows {chart}. {recommendations}",
    },
    "notes_gaps": {
        "it": "Le lacune in ordine di priorità (peso del criterio × peso della metrica × distanza dall'obiettivo), righe {first}–{last} di {total}.",
        "en": "The gaps by priority (criterion weight × metric weight × distance from target), rows {first}–{last} of {total}.",
    },
    "notes_method": {
        "it": "Come sono calcolati i punteggi e quali file sono stati letti: formato, tabella, periodo, righe caricate e scartate.",
        "en": "How the scores are computed and which files were read: format, table, period, rows loaded and rejected.",
    },
    "notes_sources": {
        "it": "Le fonti: gli articoli su cui poggiano i criteri e i dati di riferimento, con editore e anno.",
        "en": "The sources: the articles the criteria rest on and the reference figures, with publisher and year.",
    },
}


def rt(key: str, lang: Lang, **values: object) -> str:
    """The deliverables' text for `key` in `lang`, with {placeholders} filled."""
    return REPORT_TEXTS[key][lang].format(**values)
