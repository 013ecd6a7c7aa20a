/** The measure registry lives in the domain; the dashboard's queries read it from here too. */
export { change, comparison, HEADLINE_MEASURES, MEASURE_KEYS, type Comparison, type MeasureKey } from "../../../domain/measure-registry";
