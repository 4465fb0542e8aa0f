/**
 * Where each reference fact comes from. Every row of reference data names one
 * of these keys; `official` marks usmle.org, nbme.org, ecfmg.org and federal
 * regulations, everything else is weaker third-party evidence. Facts marked
 * `check: true` elsewhere rest on weak evidence and should be verified against
 * the current USMLE Bulletin or the student's own report.
 */
export type SourceKey = keyof typeof SOURCES;

interface Source {
  title: string;
  url: string;
  official: boolean;
}

export const SOURCES = {
  usmleStep1PassFail: {
    title: "USMLE Step 1 Transition to Pass/Fail Only Score Reporting",
    url: "https://www.usmle.org/usmle-step-1-transition-passfail-only-score-reporting",
    official: true,
  },
  usmleScoresTranscripts: {
    title: "USMLE Scores & Transcripts",
    url: "https://www.usmle.org/scores-transcripts",
    official: true,
  },
  usmleScoreReports: {
    title: "USMLE Score Reports, common questions",
    url: "https://www.usmle.org/common-questions/score-reports",
    official: true,
  },
  usmleAttemptLimit: {
    title: "USMLE Attempt Limit, common questions",
    url: "https://www.usmle.org/common-questions/attempt-limit",
    official: true,
  },
  ecfmgReexamination: {
    title: "ECFMG 2024 Information Booklet: Reexamination and Reapplication",
    url: "https://ecfmg.org/2024ib/reexamination-and-reapplication.html",
    official: true,
  },
  usmleAttemptLimit2012: {
    title: "USMLE announcement of the six-attempt limit (20 Jun 2012)",
    url: "https://www.usmle.org/announcements/default.aspx?ContentId=99",
    official: true,
  },
  usmleStep1Outline: {
    title: "USMLE Step 1 Content Outline and Specifications",
    url: "https://www.usmle.org/prepare-your-exam/step-1-materials/step-1-content-outline-and-specifications",
    official: true,
  },
  step1OlderOutline: {
    title: "Older Step 1 outline (c. 2019–2020), copy at austinkosier.mozello.com",
    url: "https://austinkosier.mozello.com/step-1",
    official: false,
  },
  usmleStep2CkOutline: {
    title: "USMLE Step 2 CK Content Outline & Specifications",
    url: "https://www.usmle.org/prepare-your-exam/step-2-ck-materials/step-2-ck-content-outline-specifications",
    official: true,
  },
  step2CkReportedAreas: {
    title: "Reporting areas seen on real Step 2 CK reports (third-party OCR alias map)",
    url: "https://github.com/",
    official: false,
  },
  usmleStep3Outline: {
    title: "USMLE Step 3 Content Outline and Specifications",
    url: "https://www.usmle.org/exam-resources/step-3-materials/step-3-content-outline-and-specifications",
    official: true,
  },
  nbmeReports2019: {
    title: "NBME news: New Comprehensive Subject Examination Score Reports Align with USMLE (15 Aug 2019)",
    url: "https://www.nbme.org/news/new-comprehensive-subject-examination-score-reports-align-usmle",
    official: true,
  },
  step1FailBands: {
    title: "High Yield Board Prep: How to Prepare for Your Step 1 Retake After Failing (2026)",
    url: "https://highyieldboardprep.com/blog/step-1-retake-preparation.md",
    official: false,
  },
  nbmeLegacyProfile: {
    title: "NBME CBSSA sample performance profile (2014), copy",
    url: "https://m.moam.info/national-board-of-medical-examiners_598b69291723ddd069fb1117.html",
    official: false,
  },
  step1Standard2022: {
    title: "IMGPrep: Step 1 goes pass/fail on 26 Jan 2022 (194 → 196)",
    url: "https://www.imgprep.com/the-usmle-step-1-exam-goes-to-pass-fail-starting-january-26-2022-what-this-means-for-imgs",
    official: false,
  },
  step1Standard2018: {
    title: "Step 1 standard of 194 established 1 Jan 2018 (bio-protocol.org)",
    url: "https://bio-protocol.org/exchange/minidetail?id=9340467&type=30",
    official: false,
  },
  step2CkStandard2025: {
    title: "Step 2 CK passing standard 218 from 1 Jul 2025 (AceMedBoards; QuantaPrep; NBMEcalc citing usmle.org)",
    url: "https://acemedboards.com/usmle-step-2-passing-score",
    official: false,
  },
  step2CkStandard2022: {
    title: "Sketchy: USMLE Step 2 CK scoring change 2022 (209 → 214)",
    url: "https://blog.sketchy.com/medical/usmle-step-2-ck-scoring-change-2022",
    official: false,
  },
  step2CkStandard2014: {
    title: "Step 2 CK 203 → 209 on 1 Jul 2014 (amclinicals.com)",
    url: "https://amclinicals.com/amcs-new-hospital-affiliation/",
    official: false,
  },
  step3Standard2024: {
    title: "MedSchoolCoach: 2024 USMLE requirements (Step 3 198 → 200)",
    url: "https://medschoolcoach-3351459.hs-sites.com/2024-new-usmle-requirements",
    official: false,
  },
  step3Standard2020: {
    title: "ccscases.com: change in passing score for USMLE Step 3",
    url: "https://ccscases.com/change-in-passing-score-for-usmle-step-3/",
    official: false,
  },
  format2026: {
    title: "2026 USMLE format changes (reviewbytes.com; IMGPrep), reporting the usmle.org announcement",
    url: "https://reviewbytes.com/2026-usmle-format-changes-readiness/",
    official: false,
  },
  nbmeCbssaReports: {
    title: "Blueprint: How to interpret the new NBME score reports",
    url: "https://blog.blueprintprep.com/medical/how-to-interpret-the-new-nbme-score-reports/",
    official: false,
  },
  nbmeCbssaGuidance: {
    title: "NBME: Gauging Readiness for USMLE Step 1 (CBSSA/CBSE), Apr 2026, via nbmecalc",
    url: "https://www.nbme.org/wp-content/uploads/2026/04/CBSSA_CBSE_Guidance.pdf",
    official: true,
  },
  nbmeCcssaForms: {
    title: "Elite Medical Prep: Step 2 CK Form 16; YouSMLE: Step 2 CK NBME accuracy",
    url: "https://elitemedicalprep.com/step-2-ck-form-16-whats-new-why-it-matters-and-how-to-adapt",
    official: false,
  },
  nbmeCcseGuide: {
    title: "NBME CCSE Score Interpretation Guide 2021 (SEE of 9 points), copy",
    url: "https://scribd.com/document/693138285/Comprehensive-Clinical-Score-Interpretation-Guide-2021",
    official: false,
  },
  nbmeCcmsa: {
    title: "NBME CCMSA sample report (10–800 scale, not predictive), copy",
    url: "https://2.gy-118.workers.dev/:443/https/www.scribd.com/document/406134951/Sample-CCMSA",
    official: false,
  },
  nbmeCbse: {
    title: "NBME CBSE Score Interpretation Guide, copy",
    url: "https://studylib.net/doc/8277857/score-report---national-board-of-medical-examiners",
    official: false,
  },
  uworldSelfAssessment: {
    title: "LegalClarity: How to take and interpret the UWSA 2 for USMLE Step 1 (citing UWorld)",
    url: "https://legalclarity.org/how-to-take-and-interpret-the-uwsa-2-for-usmle-step-1/",
    official: false,
  },
  free120: {
    title: "USMLE Step 1 sample test questions (no published pass line)",
    url: "https://www.usmle.org/exam-resources/step-1-materials/step-1-sample-test-questions",
    official: true,
  },
  ambossSelfAssessment: {
    title: "AMBOSS self-assessment, reported as percent correct (nbmecalc data model)",
    url: "https://nbmecalc.com/",
    official: false,
  },
  retakeTimelines: {
    title: "Retake timelines: Blueprint (rushed retakes), High Yield Board Prep, UW 3–6 month programs",
    url: "https://blog.blueprintprep.com/medical/what-happens-if-i-fail-step-1/",
    official: false,
  },
  schoolPolicies: {
    title: "School policies after USMLE failures (UC Davis, UTRGV, UAB, BU, UW)",
    url: "https://health.ucdavis.edu/mdprogram-polices/student-affairs/USMLE-step-1.html",
    official: false,
  },
} as const satisfies Record<string, Source>;
