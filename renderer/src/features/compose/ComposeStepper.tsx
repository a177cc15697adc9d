import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { composeSteps, STEP } from './compose-steps';

type Props = {
  step: number;
  /** Once a job started, the steps before it are history: no going back to edit them. */
  locked: boolean;
  failed: boolean;
  onStep: (step: number) => void;
};

/** The six steps; earlier editable ones can be clicked to go back. */
export function ComposeStepper({ step, locked, failed, onStep }: Props) {
  return (
    <Stepper activeStep={step} nonLinear aria-label="Wizard progress" sx={{ px: 1 }}>
      {composeSteps.map((label, i) => {
        const canGo = !locked && i < step && i < STEP.compose;
        const error = failed && i === STEP.compose;
        return (
          <Step key={label} completed={i < step}>
            {canGo ? (
              <StepButton onClick={() => onStep(i)}>{label}</StepButton>
            ) : (
              <StepLabel error={error} aria-current={i === step ? 'step' : undefined}>
                {label}
              </StepLabel>
            )}
          </Step>
        );
      })}
    </Stepper>
  );
}
