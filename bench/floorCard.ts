// The fixed card the floor bot answers every message with.
import { productCatalogue } from '../test/support/catalogue';
import { progressOf } from '../test/support/sampleAnswers';

/** "Vraag 5 van 9": the purpose question's place in the product's catalogue. */
const PROGRESS = progressOf(productCatalogue, 'purpose');

/** A card like the interview's question cards: progress, question, hint, input, two buttons. */
export const FLOOR_CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  speak: `${PROGRESS}. WAT WAS HET DOEL VAN DE REIS?`,
  body: [
    { type: 'TextBlock', text: PROGRESS, size: 'Small', isSubtle: true, wrap: true },
    {
      type: 'TextBlock',
      text: 'WAT WAS HET DOEL VAN DE REIS?',
      style: 'heading',
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Bijvoorbeeld: kennis opdoen, contacten leggen, een samenwerking verkennen.',
      isSubtle: true,
      wrap: true,
    },
    {
      type: 'Input.Text',
      id: 'answer',
      label: 'Doel van de reis',
      isMultiline: true,
      isRequired: true,
      errorMessage: 'Vul Doel van de reis in.',
      maxLength: 4000,
      value: '',
    },
  ],
  actions: [
    {
      type: 'Action.Submit',
      title: 'Volgende',
      style: 'positive',
      associatedInputs: 'auto',
      data: {
        action: 'answer',
        reportId: '00000000-0000-4000-8000-000000000000',
        questionKey: 'purpose',
      },
    },
    {
      type: 'Action.Submit',
      title: 'Vorige',
      associatedInputs: 'none',
      data: {
        action: 'previous',
        reportId: '00000000-0000-4000-8000-000000000000',
        questionKey: 'purpose',
      },
    },
  ],
};
